package io.jexpect.interp;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list that a longer list can extend without copying it: lappend in a loop costs
 * amortised constant time per element, where copying the list each time made it quadratic (Tcl
 * gets the same by appending in place to an unshared list). Lists extended from one another share
 * one array; a list sees only its own first {@code size} slots, and only the list that ends at the
 * array's last used slot may append in place: extending any other copies.
 */
final class AppendableList extends AbstractList<Value> implements RandomAccess {
    /** The shared slots and how many of them some list uses. */
    private static final class Store {
        Value[] slots;
        int used;

        Store(Value[] slots, int used) {
            this.slots = slots;
            this.used = used;
        }
    }

    private final Store store;
    /** The store's array when this list was made: it holds this list's slots, which never change. */
    private final Value[] slots;
    private final int size;

    private AppendableList(Store store, int size) {
        this.store = store;
        this.slots = store.slots;
        this.size = size;
    }

    /** {@code base} followed by {@code items[from..]}. */
    static List<Value> extend(List<Value> base, Value[] items, int from) {
        int added = items.length - from;
        if (base instanceof AppendableList list) {
            Store s = list.store;
            synchronized (s) {
                if (s.used == list.size) {
                    int size = list.size + added;
                    if (size > s.slots.length) s.slots = Arrays.copyOf(s.slots, Math.max(size, s.slots.length * 2));
                    System.arraycopy(items, from, s.slots, list.size, added);
                    s.used = size;
                    return new AppendableList(s, size);
                }
            }
        }
        int size = base.size() + added;
        Value[] slots = base.toArray(new Value[Math.max(size, 8)]);
        System.arraycopy(items, from, slots, base.size(), added);
        return new AppendableList(new Store(slots, size), size);
    }

    @Override
    public Value get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return slots[index];
    }

    @Override
    public int size() {
        return size;
    }
}
