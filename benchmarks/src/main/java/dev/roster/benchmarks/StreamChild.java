package dev.roster.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.roster.InvitationProvider;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One streaming run in a JVM of its own (started with {@code -Xmx64m} by {@link StreamRunner}): every
 * invitation of an organisation, through Roster's {@code stream()} or the raw client paging by hand.
 * Prints one line: {@code count millis peakHeapBytes maxLiveAfterGcBytes gcCount}.
 */
public final class StreamChild {

    private StreamChild() {}

    /**
     * Streams and prints the measurements.
     *
     * @param args {@code roster|raw}, the tenant's root URI, the number of invitations expected
     */
    public static void main(String[] args) {
        String mode = args[0];
        String root = args[1];
        long expected = Long.parseLong(args[2]);
        AtomicLong maxLive = new AtomicLong();
        AtomicLong gcs = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long live = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (!pool.getKey().contains("Metaspace") && !pool.getKey().contains("Code") && !pool.getKey().contains("Class")) {
                        live += pool.getValue().getUsed();
                    }
                }
                long seen = live;
                maxLive.accumulateAndGet(seen, Math::max);
                gcs.incrementAndGet();
            }, null, null);
        }
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        if (mode.equals("roster")) {
            try (InvitationProvider provider = Clients.rosterOpenAi(root)) {
                var it = provider.stream().iterator();
                while (it.hasNext()) {
                    checksum += it.next().id().length();
                    count++;
                }
            }
        } else {
            RawOpenAiClient raw = Clients.rawOpenAi(root);
            String after = null;
            RawOpenAiClient.InviteList page;
            do {
                page = raw.list(100, after);
                for (RawOpenAiClient.Invite invite : page.data()) {
                    checksum += invite.id().length();
                    count++;
                }
                after = page.lastId();
            } while (page.hasMore());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (count != expected || checksum == 0) {
            System.out.println("FAILED expected " + expected + " invitations, streamed " + count);
            System.exit(2);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(count + " " + millis + " " + peak + " " + maxLive.get() + " " + gcs.get());
        System.exit(0);
    }
}
