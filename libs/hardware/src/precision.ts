/**
 * Precisions a dense rate may be given for. The order is also the tie-break when two precisions
 * give the same TPP (H100: FP8 and INT8 both 15,831.2), so results are deterministic.
 */
export const PRECISIONS = ['FP4', 'FP8', 'FP16', 'BF16', 'INT8', 'INT4', 'TF32'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * Bit length of the operation, the multiplier of the 3A090 TPP formula. TF32 counts as 32: its
 * operands occupy 32-bit registers, and on every part we know its dense rate is half the 16-bit
 * rate, so it ties with FP16/BF16 and never decides the maximum.
 */
export const PRECISION_BITS: Readonly<Record<Precision, number>> = {
  FP4: 4,
  FP8: 8,
  FP16: 16,
  BF16: 16,
  INT8: 8,
  INT4: 4,
  TF32: 32,
};
