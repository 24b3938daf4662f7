package io.jexpect.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --shard I/N}: the I-th (from 1) of N disjoint parts of a suite. Files are dealt in turn
 * over the sorted list, so the parts are balanced and the same on every machine that has the same
 * files; together they are the whole suite.
 */
record Shard(int index, int count) {
    static final Shard ALL = new Shard(1, 1);

    static Shard parse(String spec) {
        String[] parts = spec.split("/", -1);
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0]), n = Integer.parseInt(parts[1]);
                if (n >= 1 && i >= 1 && i <= n) return new Shard(i, n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--shard wants I/N with 1 <= I <= N, not \"" + spec + "\"");
    }

    /** This shard's part of a sorted list. */
    <T> List<T> of(List<T> sorted) {
        List<T> mine = new ArrayList<>();
        for (int k = index - 1; k < sorted.size(); k += count) mine.add(sorted.get(k));
        return mine;
    }
}
