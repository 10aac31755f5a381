package io.github.camelbillmgr;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.github.camelbillmgr.model.BillmgrServiceState;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Keeps the consumer's state in a properties file, so that {@code emit=changes} survives a restart. Each batch is
 * written through a temporary file and an atomic move: a crash leaves the old or the new state, never half of one
 * (a crash in the middle of a batch emits that batch's changes again). Meant for one application instance; share
 * state between instances with {@link JdbcBillmgrStateRepository}. A Camel service only so that the consumer can show
 * it in JMX.
 */
@ManagedResource(description = "BILLmanager consumer state in a properties file")
public class FileBillmgrStateRepository extends ServiceSupport implements BillmgrStateRepository {

    private final Path file;
    private Map<String, String> entries;
    private boolean dirty;

    public FileBillmgrStateRepository(Path file) {
        this.file = file;
    }

    public FileBillmgrStateRepository(String file) {
        this(Path.of(file));
    }

    private static String entryKey(String key, long id) {
        return key + "#" + id;
    }

    private synchronized Map<String, String> entries() throws IOException {
        if (entries == null) {
            entries = new TreeMap<>();
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                p.forEach((k, v) -> entries.put((String) k, (String) v));
            }
        }
        return entries;
    }

    @Override
    public synchronized Map<Long, BillmgrServiceState> load(String key) throws IOException {
        Map<Long, BillmgrServiceState> out = new HashMap<>();
        String prefix = key + "#";
        for (Map.Entry<String, String> e : entries().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                out.put(Long.valueOf(e.getKey().substring(prefix.length())),
                        BillmgrServiceState.fromText(e.getValue()));
            }
        }
        return out;
    }

    @Override
    public synchronized void update(String key, long serviceId, BillmgrServiceState state) throws IOException {
        if (state == null) {
            entries().remove(entryKey(key, serviceId));
        } else {
            entries().put(entryKey(key, serviceId), state.toText());
        }
        dirty = true;
    }

    /** Forgets every service of the key and rewrites the file. */
    @Override
    public synchronized void clear(String key) throws IOException {
        String prefix = key + "#";
        dirty |= entries().keySet().removeIf(k -> k.startsWith(prefix));
        flush();
    }

    /** Writes the updates of the batch in one go (rewriting the file per service would be quadratic). */
    @Override
    public synchronized void flush() throws IOException {
        if (!dirty) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Properties p = new Properties();
        p.putAll(entries);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "camel-billmgr consumer state");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        dirty = false;
    }

    @Override
    @ManagedOperation(description = "Number of services remembered for a state key")
    public synchronized int size(String key) throws IOException {
        return getSizes().getOrDefault(key, 0);
    }

    @ManagedAttribute(description = "Every state key with its number of remembered services")
    public synchronized Map<String, Integer> getSizes() throws IOException {
        Map<String, Integer> sizes = new TreeMap<>();
        for (String entry : entries().keySet()) {
            sizes.merge(entry.substring(0, entry.lastIndexOf('#')), 1, Integer::sum);
        }
        return sizes;
    }

    @ManagedOperation(description = "Forgets every service of a state key and rewrites the file: its consumer emits "
            + "them all as created at its next poll")
    public void clearKey(String key) throws IOException {
        clear(key);
    }

    @ManagedAttribute(description = "The state file")
    public String getFile() {
        return file.toAbsolutePath().toString();
    }
}
