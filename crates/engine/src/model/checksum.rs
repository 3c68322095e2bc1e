//! A small checksum shared by the share-link codec and the calendar writer.

/// 32-bit FNV-1a: a short, dependency-free checksum for share links and calendar UIDs (it detects
/// accidental damage; it is not a defence against a deliberate forger, who could recompute it).
pub fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}
