// Four test collections at a time rather than one per core. Most of a collection's time is spent waiting — on a
// site booting, PostgreSQL, Chromium, a background worker's poll — and xUnit's default (conservative) scheduling starts
// only as many tests as there are cores, which left half of the two CI cores idle. Each collection still runs its own
// classes one after another.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
