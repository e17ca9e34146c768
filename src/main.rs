//! The `newsclean` command: parses the flags, runs the chosen mode and
//! exits with the code of the contract (0 done, 1 `--check` found changes,
//! 2 usage error or a failed file, 130 interrupted). All the work lives in
//! the `cli` modules and the library; this file only wires them up.

// Unsafe code is refused everywhere but in the two allocator calls below.
#![deny(unsafe_code)]

mod cli;

fn main() {
    keep_the_allocator_thresholds_fixed();
    std::process::exit(cli::run());
}

/// glibc's allocator serves blocks from 128 KiB up with mappings of their
/// own, which it grows in place and gives back when they are freed; and
/// each time such a block is freed it raises that threshold to the
/// block's size. Compiling the rules frees blocks of several MiB, so after
/// it the lazy DFAs' growing tables and other large buffers were copied
/// from block to block inside the heap, which keeps the holes they leave:
/// a JSON Lines stream peaked at 34.7 MiB resident at `-j2` and 27.7 MiB
/// at `-j1`. With the threshold fixed at its default: 31.7 and 26.4 MiB,
/// in the same time.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn keep_the_allocator_thresholds_fixed() {
    const DEFAULT_MMAP_THRESHOLD: libc::c_int = 128 * 1024;
    // SAFETY: `mallopt` only sets one of the allocator's tunables, which
    // it reads under its own lock; it touches no memory of ours. It runs
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, DEFAULT_MMAP_THRESHOLD);
    }
}

/// Other allocators keep no such threshold.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_the_allocator_thresholds_fixed() {}

/// Hands the memory that compiling the rules freed back to the system.
/// Compiling holds the parsed patterns and the automata being built at
/// once, several times what the compiled rules keep, and glibc's
/// allocator keeps the freed pages of each thread's arena resident: the
/// cleaning that follows reused only part of them. Given back, they cost
/// nothing until used again, and a JSON Lines stream peaks about 3 MiB
/// lower at `-j2` and 2 MiB lower at `-j1` (BENCHMARKS.md), in the same
/// time: the call walks the free lists once. A long JSON Lines stream
/// calls it again every few dozen chunks (`cli/jsonl.rs`), for the blocks
/// its threads free in each other's arenas.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub(crate) fn give_back_freed_memory() {
    // SAFETY: `malloc_trim` releases free pages of the allocator's own
    // arenas, each under that arena's lock; it moves and touches no
    // memory that is in use, so other threads may run meanwhile.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Other allocators give freed memory back on their own terms.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(crate) fn give_back_freed_memory() {}
