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
 * A table listed in the order Tcl's string-keyed hash table lists it: an array's elements (array
 * names, array get, array searches), a namespace's commands and children (info commands,
 * namespace children), so a script that prints them without sorting prints what tclsh prints. Lookups
 * go through a HashMap; beside it the elements are chained exactly as tclHash.c chains them: the
 * key's hash over its UTF-8 bytes ({@code h += (h << 3) + byte}), bucket {@code hash & mask}, a new
 * element at the head of its bucket, four times the buckets once there are three elements per
 * bucket (moving each chain head first, which reverses it), listed bucket by bucket.
 */
final class TclHashTable<V> extends AbstractMap<String, V> {
    private static final class Node<V> implements Map.Entry<String, V> {
        final String key;
        final int hash;
        V var;
        Node<V> next;

        Node(String key, int hash, V var) {
            this.key = key;
            this.hash = hash;
            this.var = var;
        }

        @Override public String getKey() { return key; }
        @Override public V getValue() { return var; }
        @Override public V setValue(V v) {
            V old = var;
            var = v;
            return old;
        }
    }

    private final HashMap<String, Node<V>> index = new HashMap<>();
    private Node<V>[] buckets = newBuckets(4);
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
    public V get(Object key) {
        Node<V> n = index.get(key);
        return n == null ? null : n.var;
    }

    @Override
    public V put(String key, V var) {
        Node<V> n = index.get(key);
        if (n != null) return n.setValue(var);
        n = new Node<>(key, tclHash(key), var);
        index.put(key, n);
        link(buckets, n);
        modifications++;
        if (index.size() >= buckets.length * 3) rebuild();
        return null;
    }

    @Override
    public V remove(Object key) {
        Node<V> n = index.remove(key);
        if (n == null) return null;
        unlink(n);
        modifications++;
        return n.var;
    }

    @Override
    public void clear() {
        index.clear();
        buckets = newBuckets(4);
        modifications++;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return index.size(); }
            @Override public Iterator<Map.Entry<String, V>> iterator() { return new InTclOrder(); }
        };
    }

    /** Tcl_HashStats's report on this table (array statistics). */
    String statistics() {
        int[] count = new int[11];
        double distance = 0;
        for (Node<V> head : buckets) {
            int j = 0;
            for (Node<V> n = head; n != null; n = n.next) j++;
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

    @SuppressWarnings("unchecked")
    private static <V> Node<V>[] newBuckets(int n) {
        return (Node<V>[]) new Node<?>[n];
    }

    private static <V> void link(Node<V>[] table, Node<V> n) {
        int b = n.hash & (table.length - 1);
        n.next = table[b];
        table[b] = n;
    }

    private void unlink(Node<V> n) {
        int b = n.hash & (buckets.length - 1);
        if (buckets[b] == n) {
            buckets[b] = n.next;
            return;
        }
        for (Node<V> p = buckets[b]; p != null; p = p.next) {
            if (p.next == n) {
                p.next = n.next;
                return;
            }
        }
    }

    private void rebuild() {
        Node<V>[] grown = newBuckets(buckets.length * 4);
        for (Node<V> head : buckets) {
            for (Node<V> n = head, next; n != null; n = next) {
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
    private final class InTclOrder implements Iterator<Map.Entry<String, V>> {
        private int bucket = -1;
        private Node<V> next;
        private Node<V> last;
        private int expected = modifications;

        InTclOrder() {
            advance(null);
        }

        private void advance(Node<V> from) {
            next = from == null ? null : from.next;
            while (next == null && ++bucket < buckets.length) next = buckets[bucket];
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<String, V> next() {
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
            TclHashTable.this.remove(last.key);
            expected = modifications;
            last = null;
        }
    }
}
