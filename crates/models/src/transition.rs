//! The arc-hybrid transition system (Kuhlmann et al. 2011) and its dynamic
//! oracle (Goldberg & Nivre 2013).
//!
//! A configuration is a stack (with the artificial ROOT, numbered `n`, at the
//! bottom), a buffer `b..n` and the arcs so far. SHIFT pushes `b`; LEFT makes
//! `b` the head of the popped stack top; RIGHT makes the item under the top its
//! head. RIGHT onto ROOT is only allowed when the buffer is empty, so every
//! parse has exactly one root. Each action is O(1); a sentence takes 2n actions.
//!
//! The oracle's cost of an action is the number of gold arcs it makes
//! unreachable; training follows (mostly) the model's own choices and learns
//! the cheapest action from wherever it ends up.

pub const SHIFT: usize = 0;
pub const LEFT: usize = 1;
pub const RIGHT: usize = 2;
pub const N_ACTIONS: usize = 3;

/// "No such token" in child slots and for unattached heads.
pub const NONE: u32 = u32::MAX;

pub struct State {
    pub n: usize,
    pub stack: Vec<u32>,
    /// Front of the buffer; the buffer is `b..n`.
    pub b: usize,
    pub heads: Vec<u32>,
    /// The two leftmost and two rightmost children of each token (and ROOT).
    pub lc: Vec<[u32; 2]>,
    pub rc: Vec<[u32; 2]>,
    pub n_left: Vec<u8>,
    pub n_right: Vec<u8>,
}

impl State {
    pub fn new(n: usize) -> Self {
        let mut stack = Vec::with_capacity(n + 1);
        stack.push(n as u32);
        State {
            n,
            stack,
            b: 0,
            heads: vec![NONE; n + 1],
            lc: vec![[NONE; 2]; n + 1],
            rc: vec![[NONE; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
        }
    }

    /// The `k`-th item from the top of the stack (0 = top).
    pub fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    /// The `k`-th item of the buffer.
    pub fn buf(&self, k: usize) -> u32 {
        if self.b + k < self.n {
            (self.b + k) as u32
        } else {
            NONE
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.b >= self.n && self.stack.len() == 1
    }

    pub fn valid(&self, action: usize) -> bool {
        let buffer = self.b < self.n;
        match action {
            SHIFT => buffer,
            LEFT => buffer && self.stack.len() >= 2,
            RIGHT => self.stack.len() >= 3 || (self.stack.len() == 2 && !buffer),
            _ => false,
        }
    }

    pub fn apply(&mut self, action: usize) {
        match action {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            LEFT => {
                let d = self.stack.pop().expect("valid LEFT has a stack top");
                self.attach(self.b as u32, d);
            }
            _ => {
                let d = self.stack.pop().expect("valid RIGHT has a stack top");
                let h = *self.stack.last().expect("valid RIGHT has a head below");
                self.attach(h, d);
            }
        }
    }

    fn attach(&mut self, h: u32, d: u32) {
        let (hi, di) = (h as usize, d as usize);
        self.heads[di] = h;
        if d < h {
            self.n_left[hi] = self.n_left[hi].saturating_add(1);
            let lc = &mut self.lc[hi];
            if lc[0] == NONE || d < lc[0] {
                *lc = [d, lc[0]];
            } else if lc[1] == NONE || d < lc[1] {
                lc[1] = d;
            }
        } else {
            self.n_right[hi] = self.n_right[hi].saturating_add(1);
            let rc = &mut self.rc[hi];
            if rc[0] == NONE || d > rc[0] {
                *rc = [d, rc[0]];
            } else if rc[1] == NONE || d > rc[1] {
                rc[1] = d;
            }
        }
    }

    /// Gold arcs lost by `action` (`gold[i]` is the head of `i`, ROOT = `n`).
    pub fn cost(&self, action: usize, gold: &[u32]) -> usize {
        let (n, b) = (self.n as u32, self.b as u32);
        let in_buffer = |k: u32| k >= b && k < n;
        let deps_in_buffer = |h: u32| (self.b..self.n).filter(|&k| gold[k] == h).count();
        match action {
            SHIFT => {
                let top = self.s(0);
                let head_lost = self
                    .stack
                    .iter()
                    .any(|&k| k != top && gold[b as usize] == k);
                let deps_lost = self
                    .stack
                    .iter()
                    .filter(|&&k| k != n && gold[k as usize] == b)
                    .count();
                head_lost as usize + deps_lost
            }
            LEFT => {
                let (s0, s1) = (self.s(0), self.s(1));
                let g = gold[s0 as usize];
                let head_lost = g != b && (g == s1 || (g > b && g < n));
                head_lost as usize + deps_in_buffer(s0)
            }
            _ => {
                let s0 = self.s(0);
                in_buffer(gold[s0 as usize]) as usize + deps_in_buffer(s0)
            }
        }
    }
}

/// Makes a gold tree projective by lifting: while some arc `h → d` spans a
/// token that `h` does not dominate, `d` is attached to `h`'s head instead.
/// The transitions can build only projective trees, and the dynamic oracle
/// is exact only for them; a lifted tree keeps every other arc.
/// `gold[i]` is the head of `i`, ROOT = `n` = `gold.len() - 1`, which sits
/// left of every word (it is at the bottom of the stack), so its own arcs
/// are always projective.
pub fn projectivize(gold: &mut [u32]) {
    let n = gold.len().saturating_sub(1) as u32;
    while let Some(d) = (0..n).find(|&d| !projective(gold, gold[d as usize], d)) {
        let h = gold[d as usize];
        gold[d as usize] = gold[h as usize];
    }
}

fn projective(gold: &[u32], h: u32, d: u32) -> bool {
    let n = (gold.len() - 1) as u32;
    if h >= n {
        return true;
    }
    let (a, b) = (h.min(d), h.max(d));
    (a + 1..b).all(|k| dominates(gold, h, k))
}

/// Whether `h` is `k` or an ancestor of it (walks at most n steps).
fn dominates(gold: &[u32], h: u32, mut k: u32) -> bool {
    let n = (gold.len() - 1) as u32;
    for _ in 0..=n {
        if k == h {
            return true;
        }
        if k >= n {
            return false;
        }
        k = gold[k as usize];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifting_makes_a_crossing_tree_reachable() {
        // 0 ← 2, 1 ← 3, 2 ← 3, 3 = root: the arc 2 → 0 spans 1, whose head is 3.
        let mut gold = vec![2, 3, 3, 4, 4];
        projectivize(&mut gold);
        assert_eq!(gold, [3, 3, 3, 4, 4]);
        let mut s = State::new(4);
        while !s.is_terminal() {
            let a = (0..N_ACTIONS)
                .find(|&a| s.valid(a) && s.cost(a, &gold) == 0)
                .expect("zero-cost action");
            s.apply(a);
        }
        assert_eq!(&s.heads[..4], &gold[..4]);
        let mut tree = vec![1, 4, 1, 2, 4];
        projectivize(&mut tree);
        assert_eq!(tree, [1, 4, 1, 2, 4], "a projective tree stays as it is");
    }

    /// Following zero-cost actions rebuilds a projective gold tree exactly.
    #[test]
    fn oracle_reaches_the_gold_tree() {
        // "the cat sat on the mat": heads 1 2 ROOT 5 5 2
        let gold = [1, 2, 6, 5, 5, 2, 0];
        let mut s = State::new(6);
        while !s.is_terminal() {
            let a = (0..N_ACTIONS)
                .find(|&a| s.valid(a) && s.cost(a, &gold) == 0)
                .expect("zero-cost action");
            s.apply(a);
        }
        assert_eq!(&s.heads[..6], &gold[..6]);
    }

    #[test]
    fn single_root_and_linear_length() {
        let mut s = State::new(50);
        let mut steps = 0;
        while !s.is_terminal() {
            let a = [RIGHT, LEFT, SHIFT]
                .into_iter()
                .find(|&a| s.valid(a))
                .unwrap();
            s.apply(a);
            steps += 1;
        }
        assert_eq!(steps, 100);
        assert_eq!(s.heads[..50].iter().filter(|h| **h == 50).count(), 1);
    }
}
