// 返回 on a record's page (学生档案, 教师档案): back through the history when the user came from
// a page of the app (the list they clicked in), else to the list named `listName`.
import { useRouter } from 'vue-router'

export function useBack(listName) {
  const router = useRouter()
  return () => (window.history.state?.back ? router.back() : router.push({ name: listName }))
}
