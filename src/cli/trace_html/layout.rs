//! The drawing of a module graph: strongly connected components (for the
//! condensed view of large graphs) and a layered layout — layers by the
//! longest path from the roots over the edges of a depth-first search that
//! are not back edges, then a few sweeps of barycentre ordering within the
//! layers. Importers sit above the modules they import.

/// A directed graph: `edges[v]` are v's successors, in request order.
pub struct Graph {
    pub edges: Vec<Vec<usize>>,
}

/// Where the nodes go: coordinates of each node's centre.
pub struct Layout {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub width: f64,
    pub height: f64,
    /// Edges (from, to) that close a cycle in the depth-first search (drawn
    /// upwards).
    pub back_edges: Vec<(usize, usize)>,
}

/// Horizontal distance between the centres of neighbours in a row.
pub const X_STEP: f64 = 165.0;
/// Vertical distance between layers (and between the rows of a wide layer).
pub const Y_STEP: f64 = 105.0;
/// Nodes per row: a wider layer wraps onto several rows.
const ROW_WIDTH: usize = 40;
/// Barycentre sweeps (each one down and one up).
const SWEEPS: usize = 4;

impl Graph {
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    /// Tarjan's strongly connected components, iteratively: per node its
    /// component's number. Components are numbered in the order they
    /// close (a component before those that import it).
    pub fn components(&self) -> Vec<usize> {
        let n = self.len();
        const UNSET: usize = usize::MAX;
        let mut index = vec![UNSET; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut component = vec![UNSET; n];
        let mut count = 0;
        let mut next_index = 0;
        for root in 0..n {
            if index[root] != UNSET {
                continue;
            }
            // (node, next successor to look at)
            let mut frames = vec![(root, 0usize)];
            index[root] = next_index;
            low[root] = next_index;
            next_index += 1;
            stack.push(root);
            on_stack[root] = true;
            while let Some(&mut (v, ref mut next)) = frames.last_mut() {
                if let Some(&w) = self.edges[v].get(*next) {
                    *next += 1;
                    if index[w] == UNSET {
                        index[w] = next_index;
                        low[w] = next_index;
                        next_index += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        frames.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                    continue;
                }
                frames.pop();
                if let Some(&(parent, _)) = frames.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        component[w] = count;
                        if w == v {
                            break;
                        }
                    }
                    count += 1;
                }
            }
        }
        component
    }

    /// The graph of the components (`component` as [`Graph::components`]
    /// gives it): an edge between two components for every edge between
    /// their members, once.
    pub fn condense(&self, component: &[usize]) -> Graph {
        let count = component.iter().map(|c| c + 1).max().unwrap_or(0);
        let mut edges = vec![Vec::new(); count];
        let mut seen = std::collections::HashSet::new();
        for (v, succ) in self.edges.iter().enumerate() {
            for &w in succ {
                let (a, b) = (component[v], component[w]);
                if a != b && seen.insert((a, b)) {
                    edges[a].push(b);
                }
            }
        }
        Graph { edges }
    }

    /// The layered layout, the depth-first search starting from `roots`
    /// first (then from any node not reached).
    pub fn layout(&self, roots: &[usize]) -> Layout {
        let n = self.len();
        // Depth-first search: preorder, postorder and back edges.
        let mut state = vec![0u8; n]; // 0 unseen, 1 on the path, 2 done
        let mut preorder = Vec::with_capacity(n);
        let mut postorder = Vec::with_capacity(n);
        let mut back = std::collections::HashSet::new();
        let starts = roots.iter().copied().chain(0..n);
        for root in starts {
            if root >= n || state[root] != 0 {
                continue;
            }
            state[root] = 1;
            preorder.push(root);
            let mut frames = vec![(root, 0usize)];
            while let Some(&mut (v, ref mut next)) = frames.last_mut() {
                if let Some(&w) = self.edges[v].get(*next) {
                    *next += 1;
                    match state[w] {
                        0 => {
                            state[w] = 1;
                            preorder.push(w);
                            frames.push((w, 0));
                        }
                        1 => {
                            back.insert((v, w));
                        }
                        _ => {}
                    }
                    continue;
                }
                state[v] = 2;
                postorder.push(v);
                frames.pop();
            }
        }
        // Longest-path layers over the forward edges, in topological order
        // (reverse postorder).
        let mut layer = vec![0usize; n];
        for &v in postorder.iter().rev() {
            for &w in &self.edges[v] {
                if !back.contains(&(v, w)) && v != w {
                    layer[w] = layer[w].max(layer[v] + 1);
                }
            }
        }
        let layers = layer.iter().map(|l| l + 1).max().unwrap_or(0);
        // Predecessors over forward edges, for the downward sweeps.
        let mut preds = vec![Vec::new(); n];
        for (v, succ) in self.edges.iter().enumerate() {
            for &w in succ {
                if !back.contains(&(v, w)) && v != w {
                    preds[w].push(v);
                }
            }
        }
        let mut rows: Vec<Vec<usize>> = vec![Vec::new(); layers];
        for &v in &preorder {
            rows[layer[v]].push(v);
        }
        // Position of each node within its layer, as a fraction of the
        // layer's width (so layers of different sizes compare).
        let mut pos = vec![0.0f64; n];
        let place = |row: &[usize], pos: &mut [f64]| {
            let len = row.len().max(1) as f64;
            for (i, &v) in row.iter().enumerate() {
                pos[v] = (i as f64 + 0.5) / len;
            }
        };
        for row in &rows {
            place(row, &mut pos);
        }
        let sort_by = |row: &mut Vec<usize>, neighbours: &[Vec<usize>], pos: &[f64]| {
            let key = |v: usize| {
                let ns = &neighbours[v];
                if ns.is_empty() {
                    pos[v]
                } else {
                    ns.iter().map(|&u| pos[u]).sum::<f64>() / ns.len() as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> = row.iter().map(|&v| (key(v), v)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            *row = keyed.into_iter().map(|(_, v)| v).collect();
        };
        let succs: Vec<Vec<usize>> = (0..n)
            .map(|v| {
                self.edges[v]
                    .iter()
                    .copied()
                    .filter(|&w| !back.contains(&(v, w)) && v != w)
                    .collect()
            })
            .collect();
        for _ in 0..SWEEPS {
            for row in rows.iter_mut().skip(1) {
                sort_by(row, &preds, &pos);
                place(row, &mut pos);
            }
            for row in rows.iter_mut().rev().skip(1) {
                sort_by(row, &succs, &pos);
                place(row, &mut pos);
            }
        }
        // Coordinates: each layer centred, wrapped into rows of ROW_WIDTH.
        let widest = rows
            .iter()
            .map(|r| r.len().min(ROW_WIDTH))
            .max()
            .unwrap_or(1);
        let width = widest.max(1) as f64 * X_STEP;
        let mut x = vec![0.0; n];
        let mut y = vec![0.0; n];
        let mut top = Y_STEP / 2.0;
        for row in &rows {
            for chunk in row.chunks(ROW_WIDTH) {
                let left = (width - chunk.len() as f64 * X_STEP) / 2.0;
                for (i, &v) in chunk.iter().enumerate() {
                    x[v] = left + (i as f64 + 0.5) * X_STEP;
                    y[v] = top;
                }
                top += Y_STEP;
            }
        }
        let mut back_edges: Vec<(usize, usize)> = back.into_iter().collect();
        back_edges.sort_unstable();
        Layout {
            x,
            y,
            width,
            height: top - Y_STEP / 2.0,
            back_edges,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_of_a_cycle_and_a_tail() {
        // 0 → 1 → 2 → 0, 2 → 3
        let g = Graph {
            edges: vec![vec![1], vec![2], vec![0, 3], vec![]],
        };
        let c = g.components();
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_ne!(c[2], c[3]);
        // The tail closes first.
        assert_eq!(c[3], 0);
        let condensed = g.condense(&c);
        assert_eq!(condensed.len(), 2);
        assert_eq!(condensed.edges[c[0]], vec![c[3]]);
    }

    #[test]
    fn layers_follow_the_longest_path_and_back_edges_point_up() {
        // 0 → 1 → 2, 0 → 2, 2 → 0
        let g = Graph {
            edges: vec![vec![1, 2], vec![2], vec![0]],
        };
        let l = g.layout(&[0]);
        assert_eq!(l.back_edges, vec![(2, 0)]);
        assert!(l.y[0] < l.y[1] && l.y[1] < l.y[2]);
    }

    #[test]
    fn barycentres_uncross_two_chains() {
        // 0 → 3, 1 → 2: the second layer is ordered as its parents.
        let g = Graph {
            edges: vec![vec![3], vec![2], vec![], vec![]],
        };
        let l = g.layout(&[0, 1]);
        assert!(l.x[0] < l.x[1]);
        assert!(l.x[3] < l.x[2]);
    }
}
