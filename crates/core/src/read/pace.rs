//! When to take a catalog of the entries so far while a large file streams in: often enough that
//! a visitor can search what has arrived, seldom enough that the snapshots do not slow the load
//! (each costs a catalog's build of everything so far, and wasm memory that never shrinks).

/// When to show the first snapshot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cadence {
    /// Entries the first snapshot needs: a first page, or as many as the prerendered page shows.
    pub first_papers: usize,
    /// A page of papers is on screen already (the prerendered one): a first snapshot is not
    /// needed to show anything at all, and waits [`SHOWN_WAIT_MS`].
    pub shown: bool,
}

/// With a page on screen, the first snapshot waits this long at least: a file read by then never
/// shows a partial list. (With none, it comes as soon as it has a page of papers.)
pub const SHOWN_WAIT_MS: f64 = 500.0;

/// The least time between two snapshots.
pub const GAP_MS: f64 = 1000.0;

/// The share of the load's time that snapshots taken while the page waits for them may cost.
pub const SHARE: f64 = 0.2;

/// While a page is shown (prerendered, or an earlier snapshot), no snapshot is taken when the rest
/// of the file is expected within this: the whole catalog comes nearly as soon, without the
/// snapshot's cost in time and memory.
pub const SOON_MS: f64 = 500.0;

/// While a page is shown, a snapshot is taken only if the rest of the file is expected to take at
/// least this many times what the snapshot should cost: it lets the visitor search more papers
/// until the rest is in, and delays the whole catalog by its cost. (At 100,000 papers, one of
/// 72,000 took 155 ms with the rest 600 ms away.)
pub const WORTH: f64 = 4.0;

/// How far the download has come, in bytes of the file's length when that is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Download {
    /// Bytes read so far.
    pub bytes: u64,
    /// The file's length, if known.
    pub total: Option<u64>,
}

impl Download {
    /// Milliseconds the rest should take at the pace so far, `elapsed_ms` after the start. Not
    /// known before the first byte, nor once the body has outgrown the length (not this file's).
    fn rest_ms(&self, elapsed_ms: f64) -> Option<f64> {
        let rest = self.total?.checked_sub(self.bytes)?;
        (self.bytes > 0).then(|| elapsed_ms * rest as f64 / self.bytes as f64)
    }
}

/// The snapshots taken so far: one is taken once the count has doubled since the last, a
/// [`GAP_MS`] after it, and only while all of them have cost at most a [`SHARE`] of the time the
/// load has taken, so that they cannot slow it by more. Times are milliseconds on one clock.
#[derive(Debug, Clone)]
pub struct SnapshotPace {
    started: f64,
    /// When the last was taken, and of how many entries.
    last_at: f64,
    papers: usize,
    /// Milliseconds spent on snapshots that held the load up, and the last one's cost a paper.
    spent_ms: f64,
    ms_a_paper: f64,
}

impl SnapshotPace {
    /// A load that started at `started`.
    pub fn new(started: f64) -> SnapshotPace {
        SnapshotPace {
            started,
            last_at: started,
            papers: 0,
            spent_ms: 0.0,
            ms_a_paper: 0.0,
        }
    }

    /// Milliseconds until a snapshot of `papers` entries may be taken on the cadence's time, if
    /// it would show more than the last.
    pub fn wait_ms(&self, cadence: &Cadence, papers: usize, time: f64) -> Option<f64> {
        if papers <= self.papers || papers < cadence.first_papers {
            return None;
        }
        Some(if self.papers == 0 {
            let first_wait_ms = if cadence.shown { SHOWN_WAIT_MS } else { 0.0 };
            self.started + first_wait_ms - time
        } else {
            self.last_at + GAP_MS - time
        })
    }

    /// Whether one is due while the entries keep coming.
    pub fn due(&self, cadence: &Cadence, papers: usize, download: Download, time: f64) -> bool {
        let grown = self.papers == 0 || papers >= 2 * self.papers;
        let cost_ms = self.ms_a_paper * papers as f64;
        let affordable = self.spent_ms + cost_ms <= SHARE * (time - self.started);
        let awaited = !(cadence.shown || self.papers > 0)
            || download
                .rest_ms(time - self.started)
                .is_none_or(|rest| rest >= SOON_MS.max(WORTH * cost_ms));
        grown
            && affordable
            && awaited
            && self
                .wait_ms(cadence, papers, time)
                .is_some_and(|ms| ms <= 0.0)
    }

    /// Notes a snapshot of `papers` entries built from `start` to `end`; `idle` when the
    /// download had stalled (that time was free).
    pub fn taken(&mut self, papers: usize, start: f64, end: f64, idle: bool) {
        if !idle {
            self.spent_ms += end - start;
        }
        self.ms_a_paper = (end - start) / papers.max(1) as f64;
        (self.last_at, self.papers) = (end, papers);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRERENDERED: Cadence = Cadence {
        first_papers: 25,
        shown: true,
    };
    const BARE: Cadence = Cadence {
        first_papers: 24,
        shown: false,
    };

    fn at(bytes: u64, total: u64) -> Download {
        Download {
            bytes,
            total: Some(total),
        }
    }

    #[test]
    fn a_file_nearly_in_takes_no_snapshot_over_a_prerendered_page() {
        let pace = SnapshotPace::new(0.0);
        // 60% in after 600 ms: the rest should take 400 ms.
        assert!(!pace.due(&PRERENDERED, 6000, at(60, 100), 600.0));
        // 10% in after 600 ms: 5.4 s to go.
        assert!(pace.due(&PRERENDERED, 6000, at(10, 100), 600.0));
        // Not before the prerendered page's wait, however far the rest.
        assert!(!pace.due(&PRERENDERED, 6000, at(10, 100), 400.0));
    }

    #[test]
    fn a_length_not_known_leaves_the_cadence_as_it_was() {
        let pace = SnapshotPace::new(0.0);
        let unknown = Download {
            bytes: 60,
            total: None,
        };
        assert!(pace.due(&PRERENDERED, 6000, unknown, 600.0));
        // A body past the length it was said to have: the length is not this file's.
        assert!(pace.due(&PRERENDERED, 6000, at(120, 100), 600.0));
    }

    #[test]
    fn with_nothing_shown_the_first_page_comes_however_soon_the_rest() {
        let pace = SnapshotPace::new(0.0);
        assert!(pace.due(&BARE, 24, at(99, 100), 10.0));
        assert!(!pace.due(&BARE, 23, at(99, 100), 10.0));
    }

    #[test]
    fn later_snapshots_wait_for_the_count_to_double_and_skip_a_rest_soon_in() {
        let mut pace = SnapshotPace::new(0.0);
        pace.taken(1000, 1000.0, 1010.0, false);
        assert!(!pace.due(&BARE, 1999, at(10, 100), 3000.0));
        assert!(pace.due(&BARE, 2000, at(10, 100), 3000.0));
        // Within the gap of the last.
        assert!(!pace.due(&BARE, 2000, at(10, 100), 1500.0));
        // 95% in after 3 s: the rest in about 160 ms.
        assert!(!pace.due(&BARE, 2000, at(95, 100), 3000.0));
    }

    #[test]
    fn a_snapshot_serves_several_times_what_it_costs() {
        let mut pace = SnapshotPace::new(0.0);
        // 100 ms for 1,000 papers: one of 2,000 should cost 200, worth it with 800 ms to go.
        pace.taken(1000, 1000.0, 1100.0, false);
        // 70% in after 3 s: about 1,290 ms to go.
        assert!(pace.due(&BARE, 2000, at(70, 100), 3000.0));
        // 80% in: 750 ms to go, more than SOON_MS but less than four times the cost.
        assert!(!pace.due(&BARE, 2000, at(80, 100), 3000.0));
    }

    #[test]
    fn snapshots_cost_at_most_their_share_of_the_load() {
        let mut pace = SnapshotPace::new(0.0);
        // 300 ms for 1,000 papers: the next, of 2,000, would cost 600 more.
        pace.taken(1000, 1000.0, 1300.0, false);
        assert!(!pace.due(&BARE, 2000, at(10, 100), 4000.0));
        assert!(pace.due(&BARE, 2000, at(10, 100), 4500.0));
        // A snapshot taken while the download stalled cost nothing.
        let mut idle = SnapshotPace::new(0.0);
        idle.taken(1000, 1000.0, 1300.0, true);
        assert!(!idle.due(&BARE, 2000, at(10, 100), 2900.0));
        assert!(idle.due(&BARE, 2000, at(10, 100), 3000.0));
    }

    #[test]
    fn the_wait_counts_from_the_start_for_the_first_and_from_the_last_after() {
        let mut pace = SnapshotPace::new(100.0);
        assert_eq!(pace.wait_ms(&PRERENDERED, 25, 300.0), Some(300.0));
        assert_eq!(pace.wait_ms(&PRERENDERED, 24, 300.0), None);
        pace.taken(25, 700.0, 710.0, true);
        assert_eq!(pace.wait_ms(&PRERENDERED, 25, 800.0), None);
        assert_eq!(pace.wait_ms(&PRERENDERED, 26, 800.0), Some(910.0));
    }
}
