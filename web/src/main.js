import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import router from './router'
import { configureHttp } from './api/http'
import { useAuthStore } from './stores/auth'

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(ElementPlus, { locale: zhCn })

// A 401 from any call means the session is gone: back to 登录, then back here.
const auth = useAuthStore()
configureHttp({
  csrfToken: () => auth.csrfToken,
  onUnauthenticated: () => {
    if (auth.user) ElMessage.warning('登录已过期,请重新登录')
    auth.clear()
    const current = router.currentRoute.value
    if (current.name !== 'login') router.push({ name: 'login', query: { redirect: current.fullPath } })
  },
})

app.mount('#app')
