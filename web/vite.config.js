import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The built UI is served by `edubureau serve --web web/dist`; asset paths are
// relative so it also works behind a reverse proxy under a sub-path.
// `npm run dev` proxies the API to a local `edubureau serve` on port 8080.
export default defineConfig({
  plugins: [vue()],
  base: './',
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    // Element Plus and ECharts are large by nature; views are split per route.
    chunkSizeWarningLimit: 1500,
  },
})
