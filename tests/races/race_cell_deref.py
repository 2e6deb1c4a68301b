"""A closure's cell read while other threads rebind and delete it.

Attacks: LOAD_DEREF (Sigil reads cells without their lock), LOAD_FROM_DICT_OR_DEREF
Readers call get(), a closure over `box`, whose cell writers rebind to a
fresh tuple (k, -k, str(k)) at every store or delete (reads then raise
NameError), so the tuple a reader is about to take a reference to may be
freed by a writer's release at that moment. Every 16th read goes through
a class body (LOAD_FROM_DICT_OR_DEREF).
A second cell is rebound to a new int (8k + 5) or float (k + 0.25) at
every store, so its old content dies there: Sigil's STORE_DEREF swaps
under the cell's lock taken without waiting and drops the old value onto
the thread's int or float free list, whose next new number may reuse the
block at once while a reader is about to count it.
Invariant: every value read is a whole tuple (k, -k, str(k)) that some
writer stored, or the name is unbound (NameError); every number read is
an int that is 5 modulo 8 or a float whose fraction is 0.25; nothing else.
"""
import _race


def make():
    box = (0, 0, "0")
    num = 5

    def get():
        return box

    def get_num():
        return num

    def put_num(k):
        nonlocal num
        num = k * 8 + 5 if k & 1 else k + 0.25

    def put(v):
        nonlocal box
        box = v

    def delete():
        nonlocal box
        del box

    def in_class():
        class K:
            seen = box
        return K.seen

    return get, put, delete, in_class, get_num, put_num


def whole(v):
    return type(v) is tuple and len(v) == 3 and v[1] == -v[0] and v[2] == str(v[0])


def number(v):
    if type(v) is int:
        return v & 7 == 5
    return type(v) is float and v - int(v) == 0.25


def main():
    race = _race.Race(__doc__)
    get, put, delete, in_class, get_num, put_num = make()

    def reader(t):
        check = t.check
        seen = {"tuple": 0, "NameError": 0}
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                v = get() if i & 15 else in_class()
            except NameError:
                seen["NameError"] += 1
                continue
            check(v, whole, "value read from the cell")
            seen["tuple"] += 1
            check(get_num(), number, "number read from the cell")
        return seen

    def writer(t):
        rng = t.rng
        k = (t.index + 1) * 1_000_000
        for _ in t.until_done():
            k += 1
            if rng.randrange(16) == 0:
                try:
                    delete()
                except NameError:
                    pass
            else:
                put((k, -k, str(k)))
            put_num(k)
            _race.dwell(rng.randrange(50))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
