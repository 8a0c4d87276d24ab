package dev.ember.expr.aggregate;

/**
 * The HyperLogLog++ sketch of Heule, Nunkesser and Hall (2013) over 64-bit hashes, with Spark's
 * parameters: {@code p = ceil(2 log2(1.106 / rsd))} index bits, one byte register per bucket
 * holding the longest run of leading zeros seen (plus one). The estimate uses linear counting up to
 * the paper's per-precision thresholds, which is where Spark's estimates are exact to match.
 *
 * <p>Not implemented: the paper's empirical bias correction of raw estimates below {@code 5m},
 * which needs its interpolation tables; between the linear-counting threshold and {@code 5m}
 * the raw estimate is returned as is.
 */
public final class HyperLogLogPlusPlus {
    /** The paper's linear-counting thresholds, for precisions 4 to 18. */
    private static final int[] THRESHOLDS = {10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000};

    private final int precision;
    private final int registerCount;

    public HyperLogLogPlusPlus(int precision) {
        if (precision < 4 || precision > 18) {
            throw new IllegalArgumentException("precision " + precision + " outside [4, 18]");
        }
        this.precision = precision;
        this.registerCount = 1 << precision;
    }

    /** The precision Spark derives from a relative standard deviation; below 4 it is an error there. */
    public static int precisionFor(double relativeSd) {
        return (int) Math.ceil(2.0 * Math.log(1.106 / relativeSd) / Math.log(2.0));
    }

    public int registerCount() {
        return registerCount;
    }

    /** Records a hash in the registers starting at {@code offset}. */
    public void add(byte[] registers, int offset, long hash) {
        int index = (int) (hash >>> (64 - precision));
        // The remaining bits, with a stop bit so the run of zeros is at most 64 - p.
        long rest = (hash << precision) | (1L << (precision - 1));
        byte rank = (byte) (Long.numberOfLeadingZeros(rest) + 1);
        if (rank > registers[offset + index]) {
            registers[offset + index] = rank;
        }
    }

    /** Merges the registers of another sketch (bucket-wise maximum). */
    public void merge(byte[] registers, int offset, byte[] other, int otherOffset) {
        for (int j = 0; j < registerCount; j++) {
            registers[offset + j] = (byte) Math.max(registers[offset + j], other[otherOffset + j]);
        }
    }

    /** The estimated number of distinct hashes recorded in the registers at {@code offset}. */
    public long estimate(byte[] registers, int offset) {
        double inverseSum = 0;
        int zeros = 0;
        for (int j = 0; j < registerCount; j++) {
            int rank = registers[offset + j];
            inverseSum += 1.0 / (1L << rank);
            if (rank == 0) {
                zeros++;
            }
        }
        double raw = alpha() * registerCount * registerCount / inverseSum;
        if (zeros > 0) {
            double linear = registerCount * Math.log((double) registerCount / zeros);
            if (linear <= THRESHOLDS[precision - 4]) {
                return Math.round(linear);
            }
        }
        return Math.round(raw);
    }

    private double alpha() {
        return switch (precision) {
            case 4 -> 0.673;
            case 5 -> 0.697;
            case 6 -> 0.709;
            default -> 0.7213 / (1 + 1.079 / registerCount);
        };
    }
}
