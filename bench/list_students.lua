-- wrk script: GET requests cycling through the paths in $EB_PATHS (one per
-- line) with the session cookie in $EB_COOKIE.
local cookie = os.getenv("EB_COOKIE")
local paths = {}
for line in io.lines(os.getenv("EB_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookie })
end
