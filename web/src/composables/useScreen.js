// The window's width, kept up to date, and the breakpoints the layout uses:
//   const { width, narrow, compact } = useScreen()
// narrow: a phone (< 768 px) — pages show cards instead of wide tables;
// compact: < 1280 px — the sidebar folds to icons.
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'

export function useScreen() {
  const width = ref(window.innerWidth)
  const onResize = () => (width.value = window.innerWidth)
  onMounted(() => window.addEventListener('resize', onResize))
  onBeforeUnmount(() => window.removeEventListener('resize', onResize))
  return {
    width,
    narrow: computed(() => width.value < 768),
    compact: computed(() => width.value < 1280),
  }
}
