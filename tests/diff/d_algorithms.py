# Larger algorithmic workloads written plainly: sieve, n-queens, dynamic
# programming, sorting algorithms, graph search, string algorithms, big-int
# arithmetic; results printed so any wrong value shows.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, p in enumerate(is_p) if p]
pr = sieve(5000)
print(len(pr), pr[:10], pr[-3:], sum(pr))

def queens(n):
    count = 0
    cols, d1, d2 = set(), set(), set()
    sols = []
    placement = []
    def place(r):
        nonlocal count
        if r == n:
            count += 1
            if len(sols) < 2:
                sols.append(placement[:])
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); placement.append(c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c); placement.pop()
    place(0)
    return count, sols
print(queens(7))

def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return dp[-1][-1], "".join(reversed(out))
print(lcs("the quick brown fox jumps", "quickly brown foxes jumped"))

def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]
print(knapsack([(12, 4), (2, 2), (1, 1), (1, 2), (4, 10), (3, 7), (7, 13)], 15))

def quicksort(a):
    if len(a) <= 1:
        return a
    pivot = a[len(a) // 2]
    return quicksort([x for x in a if x < pivot]) + [x for x in a if x == pivot] + quicksort([x for x in a if x > pivot])
def mergesort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l, r = mergesort(a[:mid]), mergesort(a[mid:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    out.extend(l[i:]); out.extend(r[j:])
    return out
def heapsort(a):
    a = a[:]
    n = len(a)
    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return
    for s in range(n // 2 - 1, -1, -1):
        sift(s, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a
seed = 12345
data = []
for _ in range(400):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    data.append(seed % 1000 - 500)
s1, s2, s3 = quicksort(data), mergesort(data), heapsort(data)
print(s1 == s2 == s3 == sorted(data), s1[:8], s1[-4:])

def bfs(grid, start, goal):
    from collections import deque
    rows, cols = len(grid), len(grid[0])
    dist = {start: 0}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if (r, c) == goal:
            return dist[(r, c)]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "." and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    return -1
maze = ["..#.......",
        ".##.####..",
        "....#..#.#",
        "#.#.#.##..",
        "..#...#...",
        ".####.#.#.",
        "......#.#."]
print(bfs(maze, (0, 0), (6, 9)), bfs(maze, (0, 0), (0, 3)))

def dijkstra(graph, src):
    import heapq
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, ()):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return sorted(dist.items())
g = {"a": [("b", 7), ("c", 9), ("f", 14)], "b": [("c", 10), ("d", 15)], "c": [("d", 11), ("f", 2)],
     "d": [("e", 6)], "f": [("e", 9)]}
print(dijkstra(g, "a"))

def kmp_search(text, pat):
    fail = [0] * len(pat)
    k = 0
    for i in range(1, len(pat)):
        while k and pat[i] != pat[k]:
            k = fail[k - 1]
        if pat[i] == pat[k]:
            k += 1
        fail[i] = k
    res, k = [], 0
    for i, ch in enumerate(text):
        while k and ch != pat[k]:
            k = fail[k - 1]
        if ch == pat[k]:
            k += 1
        if k == len(pat):
            res.append(i - k + 1)
            k = fail[k - 1]
    return res
print(kmp_search("abababcabababcababab", "ababc"), kmp_search("aaaaa", "aa"))

def factorial_digits(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    s = str(f)
    return len(s), s[:15], sum(map(int, s)), f % (10 ** 9 + 7)
print(factorial_digits(300))
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print(pi_digits(60))
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
m = [[1, 1], [1, 0]]
r = [[1, 0], [0, 1]]
for _ in range(90):
    r = matmul(r, m)
print(r[0][1])
def collatz_longest(limit):
    cache = {1: 1}
    def length(n):
        stack = []
        while n not in cache:
            stack.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
        l = cache[n]
        while stack:
            l += 1
            cache[stack.pop()] = l
        return l
    return max((length(i), i) for i in range(1, limit))
print(collatz_longest(20000))
def word_freq(text):
    import re
    words = re.findall(r"[a-z']+", text.lower())
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(word_freq("It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness"))
