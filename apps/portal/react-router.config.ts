import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "app",
  // Server-rendered: every page works before (and without) JavaScript.
  ssr: true,
  future: {
    // Loaders and actions get the request as it came (one Request per request, not new ones per
    // route); `pageUrl(request)` and the loader's `url` argument are the page's URL without
    // `.data`, `_routes` and `index`.
    v8_passThroughRequests: true,
  },
} satisfies Config;
