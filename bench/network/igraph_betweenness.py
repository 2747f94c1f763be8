"""python-igraph contender of the betweenness benchmark: times g.betweenness() alone.

With "strengths" in the file, edge weights (path lengths) are 1 / strength, as in tracktwo."""
import json
import resource
import sys
import time

import igraph

edge_file, out_file = sys.argv[1], sys.argv[2]
data = json.load(open(edge_file))
n = data["n"]
g = igraph.Graph(n=n, edges=[tuple(t) for t in data["ties"]], directed=False)
weights = [1.0 / s for s in data["strengths"]] if "strengths" in data else None
cpu_start = time.process_time()
start = time.perf_counter()
raw = g.betweenness(directed=False, weights=weights)
seconds = time.perf_counter() - start
cpu_seconds = time.process_time() - cpu_start
scale = 2.0 / ((n - 1) * (n - 2))  # igraph counts each unordered pair once; NetworkX normalises
values = [b * scale for b in raw]
max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
json.dump({"seconds": seconds, "cpuSeconds": cpu_seconds, "maxRssMb": max_rss_mb, "values": values}, open(out_file, "w"))
