-- wrk script for answer intake: every request POSTs the same answers through another personal link.
-- Usage: wrk -t <threads> -s bench/intake.lua <url> -- <tokens-file> <answers-file> <threads>
-- Thread i takes tokens i, i + threads, i + 2 threads, ... so no link is answered twice.
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
end

function init(args)
    tokens = {}
    for line in io.lines(args[1]) do
        tokens[#tokens + 1] = line
    end
    local file = io.open(args[2])
    body = file:read("*a")
    file:close()
    threads = tonumber(args[3])
    step = 0
    headers = { ["Content-Type"] = "application/json" }
end

function request()
    local index = step * threads + id + 1
    step = step + 1
    if index > #tokens then
        index = ((index - 1) % #tokens) + 1 -- out of links: repeats show as non-2xx answers
    end
    return wrk.format("POST", "/api/v1/respond/" .. tokens[index], headers, body)
end
