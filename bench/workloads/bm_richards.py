"""Richards: Martin Richards' operating-system scheduler simulation.

Six tasks (idle, worker, two handlers, two devices) pass packets through
queues; the run is judged by the number of queued packets and holds, which
the original benchmark fixes at 23246 and 9297. Method-call and
attribute-heavy; all state hangs off one `System` per unit, so threads never
share it.
"""
from _util import scaled, equal

UNIT = {"loops": 3}

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 1000, 1001
BUFSIZE = 4
_BUF_INDICES = tuple(range(BUFSIZE))
_LETTER_A = ord("A")


class Packet(object):
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        """Put this packet at the end of `queue`; return the queue head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        nxt = last.link
        while nxt is not None:
            last = nxt
            nxt = last.link
        last.link = self
        return queue


class Task(object):
    """A task control block; subclasses give the task's behaviour in step()."""

    def __init__(self, system, ident, priority, queue, pending, waiting, holding):
        self.system = system
        self.link = system.task_list
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = pending
        self.waiting = waiting
        self.holding = holding
        system.task_list = self
        system.table[ident] = self

    def is_held_or_waiting(self):
        return self.holding or (not self.packet_pending and self.waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.waiting and not self.holding

    def add_packet(self, packet, current):
        """Deliver `packet` to this task; return the task to run next."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            packet.append_to(self.queue)
        return current

    def run_task(self):
        if self.is_waiting_with_packet():
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.holding = False
            self.packet_pending = self.queue is not None
        else:
            packet = None
        return self.step(packet)

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident):
        task = self.system.find(ident)
        task.holding = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        task = self.system.find(packet.ident)
        self.system.queue_count += 1
        packet.link = None
        packet.ident = self.ident
        return task.add_packet(packet, self)


class IdleTask(Task):
    def __init__(self, system, ident, priority, queue, count):
        Task.__init__(self, system, ident, priority, queue, False, False, False)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, True, True, False)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        if self.destination == HANDLER_A:
            self.destination = HANDLER_B
        else:
            self.destination = HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        data = packet.data
        for i in _BUF_INDICES:
            self.count += 1
            if self.count > 26:
                self.count = 1
            data[i] = _LETTER_A + self.count - 1
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, True, True, False)
        self.work_in = None
        self.device_in = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        work = self.work_in
        if work is None:
            return self.wait()
        count = work.datum
        if count >= BUFSIZE:
            self.work_in = work.link
            return self.send(work)
        device = self.device_in
        if device is None:
            return self.wait()
        self.device_in = device.link
        device.datum = work.data[count]
        work.datum = count + 1
        return self.send(device)


class DeviceTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, False, True, False)
        self.pending = None

    def step(self, packet):
        if packet is None:
            packet = self.pending
            if packet is None:
                return self.wait()
            self.pending = None
            return self.send(packet)
        self.pending = packet
        return self.hold()


class System(object):
    def __init__(self):
        self.task_list = None
        self.table = [None] * 10
        self.hold_count = 0
        self.queue_count = 0

    def find(self, ident):
        task = self.table[ident]
        if task is None:
            raise LookupError("no task %d" % ident)
        return task

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.is_held_or_waiting():
                task = task.link
            else:
                task = task.run_task()


def richards(idle_count=10000):
    system = System()
    IdleTask(system, IDLE, 1, None, idle_count)
    queue = Packet(None, 0, KIND_WORK)
    queue = Packet(queue, 0, KIND_WORK)
    WorkerTask(system, WORKER, 1000, queue)
    queue = Packet(None, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    HandlerTask(system, HANDLER_A, 2000, queue)
    queue = Packet(None, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    HandlerTask(system, HANDLER_B, 3000, queue)
    DeviceTask(system, DEVICE_A, 4000, None)
    DeviceTask(system, DEVICE_B, 5000, None)
    system.schedule()
    return system.queue_count, system.hold_count


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(richards())
    return results


def check(result):
    equal(result, {(23246, 9297)}, "richards (queue_count, hold_count)")
