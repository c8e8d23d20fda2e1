package org.planwright.plans.read;

import org.planwright.plans.Plan;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The raw properties of one plan node: an insertion-ordered map from PostgreSQL's JSON key names to values,
 * kept in three parallel arrays (keys, their hash codes, values) instead of a hash table of entry objects. A
 * node has about 10-40 keys, so a lookup compares cached hash codes one after the other; that costs what a
 * {@code LinkedHashMap} lookup costs (a 64-bit mask of the keys' hash codes answers most lookups of absent keys
 * at once) but needs about a quarter of its memory (no entry objects, no table), which
 * is what keeps a 100,000-node plan under the issue 3 budget of 200 MB.
 *
 * <p>Mutable while a parser builds the node ({@code put}, {@code remove} as in any map; {@code null} keys are
 * rejected), read-only after {@link #freeze()} (mutators then throw {@link UnsupportedOperationException}). Not
 * thread-safe while mutable; safe to share between threads once frozen and published by the {@link Plan}.
 */
public final class PropertyMap extends AbstractMap<String, Object> {

    private static final String[] NO_KEYS = {};
    private static final int[] NO_HASHES = {};
    private static final Object[] NO_VALUES = {};

    private String[] keys = NO_KEYS;
    private int[] hashes = NO_HASHES;
    private Object[] values = NO_VALUES;
    private int size;
    /** One bit per key, at its hash code's low 6 bits: a clear bit proves a key absent without a scan. */
    private long keyBits;
    private boolean frozen;

    PropertyMap() {
    }

    /** @return a frozen copy of {@code map}, in its iteration order */
    public static PropertyMap copyOf(Map<String, ?> map) {
        PropertyMap copy = new PropertyMap();
        map.forEach(copy::put);
        return copy.freeze();
    }

    /**
     * @return a new map holding this one's entries in arrays of exactly its size (one copy, no growth on the way),
     *     so that a parser can collect a node's properties in one reused map and keep only the copies
     */
    PropertyMap exactCopy() {
        PropertyMap copy = new PropertyMap();
        copy.keys = Arrays.copyOf(keys, size);
        copy.hashes = Arrays.copyOf(hashes, size);
        copy.values = Arrays.copyOf(values, size);
        copy.size = size;
        copy.keyBits = keyBits;
        return copy;
    }

    /** Makes the map read-only and trims its arrays to its size. @return this */
    public PropertyMap freeze() {
        if (!frozen) {
            frozen = true;
            if (keys.length != size) {
                keys = Arrays.copyOf(keys, size);
                hashes = Arrays.copyOf(hashes, size);
                values = Arrays.copyOf(values, size);
            }
        }
        return this;
    }

    private int indexOf(Object key) {
        if (!(key instanceof String k)) {
            return -1;
        }
        int h = k.hashCode();
        if ((keyBits & (1L << h)) == 0) { // most lookups of absent keys ("Workers Launched" of a Seq Scan) end here
            return -1;
        }
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h && (keys[i] == k || keys[i].equals(k))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object put(String key, Object value) {
        checkMutable();
        if (key == null) {
            throw new NullPointerException("plan node property names are never null");
        }
        int i = indexOf(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            int capacity = Math.max(16, size * 2);
            keys = Arrays.copyOf(keys, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        keys[size] = key;
        hashes[size] = key.hashCode();
        keyBits |= 1L << hashes[size];
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public Object remove(Object key) {
        checkMutable();
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        int tail = size - i - 1;
        System.arraycopy(keys, i + 1, keys, i, tail);
        System.arraycopy(hashes, i + 1, hashes, i, tail);
        System.arraycopy(values, i + 1, values, i, tail);
        size--;
        keys[size] = null;
        values[size] = null;
        keyBits = 0;
        for (int k = 0; k < size; k++) {
            keyBits |= 1L << hashes[k];
        }
    }

    @Override
    public void clear() {
        checkMutable();
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        keyBits = 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    private void checkMutable() {
        if (frozen) {
            throw new UnsupportedOperationException("the properties of a parsed plan node are read-only");
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new SimpleImmutableEntry<>(keys[last], values[last]);
                    }

                    @Override
                    public void remove() {
                        checkMutable();
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
