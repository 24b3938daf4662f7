package io.jexpect.interp;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An array's elements, listed in the order Tcl's hash table lists them (array names, array get,
 * array searches), so a script that prints them without sorting prints what tclsh prints. Lookups
 * go through a HashMap; beside it the elements are chained exactly as tclHash.c chains them: the
 * key's hash over its UTF-8 bytes ({@code h += (h << 3) + byte}), bucket {@code hash & mask}, a new
 * element at the head of its bucket, four times the buckets once there are three elements per
 * bucket (moving each chain head first, which reverses it), listed bucket by bucket.
 */
final class ArrayTable extends AbstractMap<String, Var> {
    private static final class Node implements Map.Entry<String, Var> {
        final String key;
        final int hash;
        Var var;
        Node next;

        Node(String key, int hash, Var var) {
            this.key = key;
            this.hash = hash;
            this.var = var;
        }

        @Override public String getKey() { return key; }
        @Override public Var getValue() { return var; }
        @Override public Var setValue(Var v) {
            Var old = var;
            var = v;
            return old;
        }
    }

    private final HashMap<String, Node> index = new HashMap<>();
    private Node[] buckets = new Node[4];
    private int modifications;

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return index.containsKey(key);
    }

    @Override
    public Var get(Object key) {
        Node n = index.get(key);
        return n == null ? null : n.var;
    }

    @Override
    public Var put(String key, Var var) {
        Node n = index.get(key);
        if (n != null) return n.setValue(var);
        n = new Node(key, tclHash(key), var);
        index.put(key, n);
        link(buckets, n);
        modifications++;
        if (index.size() >= buckets.length * 3) rebuild();
        return null;
    }

    @Override
    public Var remove(Object key) {
        Node n = index.remove(key);
        if (n == null) return null;
        unlink(n);
        modifications++;
        return n.var;
    }

    @Override
    public void clear() {
        index.clear();
        buckets = new Node[4];
        modifications++;
    }

    @Override
    public Set<Map.Entry<String, Var>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return index.size(); }
            @Override public Iterator<Map.Entry<String, Var>> iterator() { return new InTclOrder(); }
        };
    }

    /** Tcl_HashStats's report on this table (array statistics). */
    String statistics() {
        int[] count = new int[11];
        double distance = 0;
        for (Node head : buckets) {
            int j = 0;
            for (Node n = head; n != null; n = n.next) j++;
            count[Math.min(j, 10)]++;
            distance += j * (j + 1) / 2.0;
        }
        StringBuilder out = new StringBuilder();
        out.append(size()).append(" entries in table, ").append(buckets.length).append(" buckets\n");
        for (int i = 0; i < 10; i++) out.append("number of buckets with ").append(i).append(" entries: ").append(count[i]).append('\n');
        out.append("number of buckets with 10 or more entries: ").append(count[10]).append('\n');
        out.append(String.format(java.util.Locale.ROOT, "average search distance for entry: %.1f", size() == 0 ? 0 : distance / size()));
        return out.toString();
    }

    private static void link(Node[] table, Node n) {
        int b = n.hash & (table.length - 1);
        n.next = table[b];
        table[b] = n;
    }

    private void unlink(Node n) {
        int b = n.hash & (buckets.length - 1);
        if (buckets[b] == n) {
            buckets[b] = n.next;
            return;
        }
        for (Node p = buckets[b]; p != null; p = p.next) {
            if (p.next == n) {
                p.next = n.next;
                return;
            }
        }
    }

    private void rebuild() {
        Node[] grown = new Node[buckets.length * 4];
        for (Node head : buckets) {
            for (Node n = head, next; n != null; n = next) {
                next = n.next;
                link(grown, n);
            }
        }
        buckets = grown;
    }

    /**
     * Tcl's string hash over the key's bytes as Tcl 8.6 stores them: UTF-8, NUL as C0 80, and a
     * character outside the BMP as its two surrogates of three bytes each.
     */
    static int tclHash(String key) {
        int h = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 1 && c < 0x80) {
                h += (h << 3) + c;
            } else if (c < 0x800) {
                h += (h << 3) + (0xC0 | c >> 6);
                h += (h << 3) + (0x80 | c & 0x3F);
            } else {
                h += (h << 3) + (0xE0 | c >> 12);
                h += (h << 3) + (0x80 | c >> 6 & 0x3F);
                h += (h << 3) + (0x80 | c & 0x3F);
            }
        }
        return h;
    }

    /** Bucket by bucket, each chain from its head; removal through the iterator is allowed. */
    private final class InTclOrder implements Iterator<Map.Entry<String, Var>> {
        private int bucket = -1;
        private Node next;
        private Node last;
        private int expected = modifications;

        InTclOrder() {
            advance(null);
        }

        private void advance(Node from) {
            next = from == null ? null : from.next;
            while (next == null && ++bucket < buckets.length) next = buckets[bucket];
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<String, Var> next() {
            if (expected != modifications) throw new ConcurrentModificationException();
            if (next == null) throw new NoSuchElementException();
            last = next;
            advance(next);
            return last;
        }

        @Override
        public void remove() {
            if (last == null) throw new IllegalStateException();
            if (expected != modifications) throw new ConcurrentModificationException();
            ArrayTable.this.remove(last.key);
            expected = modifications;
            last = null;
        }
    }
}
