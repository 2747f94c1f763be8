#!/usr/bin/python3
"""Writes test/fixtures/network-generated/*.json: networks generated here, with the values NetworkX 2.8.8
computes for them (python-igraph 0.10 cross-checks betweenness and partition agreement; R sna 2.7
gives the brokerage roles). The fixtures are committed, so the tests need neither Python nor R.

Run from the repository root, then format the output as the repository does:
    /usr/bin/python3 test/network/generate_fixtures.py && npx prettier --write test/fixtures/network-generated
"""
import json
import math
import os
import random
import subprocess
import tempfile

import igraph
import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "network-generated")


def grid():
    g = nx.grid_2d_graph(20, 20)
    g = nx.relabel_nodes(g, {(r, c): f"{r}-{c}" for r, c in g.nodes}, copy=True)
    groups = {v: ("west" if int(v.split("-")[1]) < 10 else "east") for v in g.nodes}
    return "grid-20x20", g, groups, False


def weighted():
    rng = random.Random(5)
    base = nx.gnm_random_graph(40, 100, seed=3)
    g = nx.Graph()
    g.add_nodes_from(f"a{v}" for v in base.nodes)
    for u, v in base.edges:
        g.add_edge(f"a{u}", f"a{v}", weight=rng.randint(1, 5))
    groups = {v: rng.choice(["north", "south", "diaspora"]) for v in g.nodes}
    return "weighted-40", g, groups, True


def directed():
    rng = random.Random(11)
    base = nx.gnm_random_graph(30, 80, seed=11, directed=True)
    g = nx.DiGraph()
    g.add_nodes_from(f"d{v}" for v in base.nodes)
    g.add_edges_from((f"d{u}", f"d{v}") for u, v in base.edges)
    # A cycle through everyone makes the network strongly connected, so its eigenvector is unique.
    g.add_edges_from((f"d{i}", f"d{(i + 1) % 30}") for i in range(30))
    groups = {v: rng.choice(["blue", "red"]) for v in g.nodes}
    return "directed-30", g, groups, False


def disconnected():
    rng = random.Random(17)
    part = nx.gnm_random_graph(15, 30, seed=17)
    g = nx.Graph()
    g.add_nodes_from(f"p{v}" for v in part.nodes)
    g.add_edges_from((f"p{u}", f"p{v}") for u, v in part.edges)
    nx.add_path(g, ["q0", "q1", "q2", "q3", "q4"])
    g.add_nodes_from(["lone1", "lone2"])
    groups = {v: rng.choice(["east", "west"]) for v in g.nodes}
    return "disconnected", g, groups, False


def sna_brokerage(g, order, groups, directed):
    """Gould-Fernandez roles from R sna's brokerage(); an undirected tie counts both ways."""
    index = {v: i + 1 for i, v in enumerate(order)}
    arcs = [(index[u], index[v]) for u, v in g.edges]
    if not directed:
        arcs += [(b, a) for a, b in arcs]
    with tempfile.TemporaryDirectory() as tmp:
        arc_file = os.path.join(tmp, "arcs.csv")
        class_file = os.path.join(tmp, "classes.csv")
        out_file = os.path.join(tmp, "out.csv")
        with open(arc_file, "w") as f:
            f.write("s,t\n" + "".join(f"{a},{b}\n" for a, b in arcs))
        with open(class_file, "w") as f:
            f.write("cl\n" + "".join(f"{groups[v]}\n" for v in order))
        script = f"""
suppressMessages(library(sna))
arcs <- read.csv("{arc_file}")
cl <- read.csv("{class_file}", stringsAsFactors = FALSE)$cl
n <- {len(order)}
g <- matrix(0, n, n)
g[cbind(arcs$s, arcs$t)] <- 1
b <- brokerage(g, cl)$raw.nli
write.csv(b, "{out_file}", row.names = FALSE)
"""
        subprocess.run(["Rscript", "-e", script], check=True)
        with open(out_file) as f:
            lines = f.read().strip().split("\n")[1:]
    names = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]
    return [dict(zip(names, map(float, line.split(",")))) for line in lines]


def nan_to_none(x):
    return None if isinstance(x, float) and math.isnan(x) else x


def sorted_pair(a, b):
    return sorted([a, b])


def build(name, g, groups, is_weighted):
    directed = g.is_directed()
    order = list(g.nodes)
    n = len(order)
    weight = "weight" if is_weighted else None
    distance = None
    if is_weighted:
        for u, v, d in g.edges(data=True):
            d["distance"] = 1 / d["weight"]
        distance = "distance"
    nx.set_node_attributes(g, groups, "group")
    # Betweenness on lengths 60 / strength, exact in binary, then the same as on 1 / strength (betweenness
    # does not change when all lengths scale): NetworkX compares path lengths exactly, so on 1 / strength
    # it would miss paths that tie in exact arithmetic (1/3 + 1/3 + 1/3 against 1); igraph agrees below.
    if is_weighted:
        for u, v, d in g.edges(data=True):
            d["exact"] = 60 / d["weight"]
    bc = nx.betweenness_centrality(g, weight="exact" if is_weighted else None, normalized=True)
    cl = nx.closeness_centrality(g, distance=distance)
    hc = nx.harmonic_centrality(g, distance=distance)
    ev = nx.eigenvector_centrality_numpy(g, weight=weight)
    pr = nx.pagerank(g, weight=weight, tol=1e-14, max_iter=100000)
    cs = nx.constraint(g, weight=weight)
    es = nx.effective_size(g, weight=weight)
    cc = nx.clustering(g)
    broker = sna_brokerage(g, order, groups, directed)
    undirected = g.to_undirected() if directed else g
    components = nx.number_weakly_connected_components(g) if directed else nx.number_connected_components(g)
    labels = sorted(set(groups.values()))
    partition = [{v for v in order if groups[v] == label} for label in labels]
    internal = sum(1 for u, v in g.edges if groups[u] == groups[v])
    external = g.number_of_edges() - internal

    # python-igraph cross-checks: betweenness (same normalisation) and partition agreement.
    ig = igraph.Graph(n=n, edges=[(order.index(u), order.index(v)) for u, v in g.edges], directed=directed)
    ig_weights = [1 / d["weight"] for _, _, d in g.edges(data=True)] if is_weighted else None
    ig_bc = ig.betweenness(directed=directed, weights=ig_weights)
    scale = (1 if directed else 2) / ((n - 1) * (n - 2))
    for i, v in enumerate(order):
        assert abs(ig_bc[i] * scale - bc[v]) < 1e-9, (name, v, ig_bc[i] * scale, bc[v])
    declared = [labels.index(groups[v]) for v in order]
    multilevel = ig.as_undirected().community_multilevel(weights=[d.get("weight", 1) for _, _, d in g.edges(data=True)] if is_weighted else None)
    found = multilevel.membership

    nodes = []
    for i, v in enumerate(order):
        nodes.append(
            {
                "id": v,
                "degree": g.degree(v),
                "betweenness": bc[v],
                "closeness": cl[v],
                "harmonic": hc[v],
                "eigenvector": ev[v],
                "pagerank": pr[v],
                "constraint": nan_to_none(cs[v]),
                "effectiveSize": nan_to_none(es[v]),
                "clustering": cc[v],
                "brokerage": broker[i],
            }
        )
    graph = {
        "nodes": n,
        "edges": g.number_of_edges(),
        "directed": directed,
        "density": nx.density(g),
        "components": components,
        "bridges": sorted(sorted_pair(u, v) for u, v in nx.bridges(undirected)),
        "articulationPoints": sorted(nx.articulation_points(undirected)),
        "modularity": nx.algorithms.community.modularity(g, partition, weight=weight),
        "eiIndex": (external - internal) / (external + internal),
        "assortativity": nx.attribute_assortativity_coefficient(g, "group"),
    }
    ties = []
    for u, v, d in g.edges(data=True):
        tie = {"source": u, "target": v}
        if is_weighted:
            tie["strength"] = d["weight"]
        ties.append(tie)
    return {
        "name": name,
        "generatedBy": "test/network/generate_fixtures.py (NetworkX %s, python-igraph %s, R sna brokerage)"
        % (nx.__version__, igraph.__version__),
        "directed": directed,
        "actors": [{"id": v, "group": groups[v]} for v in order],
        "ties": ties,
        "expected": {"graph": graph, "nodes": nodes},
        "partitionAgreement": {
            "declared": declared,
            "found": found,
            "ari": igraph.compare_communities(declared, found, method="ari"),
            "nmi": igraph.compare_communities(declared, found, method="nmi"),
        },
        "igraphLouvainModularity": ig.as_undirected().modularity(found, weights=[d.get("weight", 1) for _, _, d in g.edges(data=True)] if is_weighted else None),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    for make in (grid, weighted, directed, disconnected):
        name, g, groups, is_weighted = make()
        fixture = build(name, g, groups, is_weighted)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(fixture, f, indent=1)
            f.write("\n")
        print("wrote", name)


if __name__ == "__main__":
    main()
