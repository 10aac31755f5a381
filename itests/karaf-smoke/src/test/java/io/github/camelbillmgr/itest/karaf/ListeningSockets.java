package io.github.camelbillmgr.itest.karaf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The TCP sockets a process listens on, read from Linux's /proc (empty Optional elsewhere). */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** @return "address:port" of every listening TCP socket of the process, addresses as in /proc (hex) decoded */
    static Optional<List<String>> of(long pid) throws IOException {
        Path proc = Path.of("/proc", String.valueOf(pid));
        if (!Files.isDirectory(proc.resolve("fd"))) {
            return Optional.empty();
        }
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring("socket:[".length(), link.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path t = proc.resolve("net").resolve(table);
            if (!Files.exists(t)) {
                continue;
            }
            List<String> lines = Files.readAllLines(t);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && LISTEN.equals(f[3]) && inodes.contains(f[9])) {
                    out.add(decode(f[1]));
                }
            }
        }
        return Optional.of(out);
    }

    static boolean isLoopback(String socket) {
        String addr = socket.substring(0, socket.lastIndexOf(':'));
        return addr.startsWith("127.") || addr.equals("::1") || addr.startsWith("::ffff:127.");
    }

    /** /proc/net/tcp writes 0100007F:1F90 for 127.0.0.1:8080 (the address as little-endian 32-bit words). */
    private static String decode(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String a = parts[0];
        if (a.length() == 8) {
            return ipv4(a) + ":" + port;
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 32; i += 8) {
            String w = a.substring(i, i + 8);
            words.append(w, 6, 8).append(w, 4, 6).append(w, 2, 4).append(w, 0, 2); // byte order within the word
        }
        String b = words.toString().toLowerCase(java.util.Locale.ROOT);
        if (b.startsWith("00000000000000000000ffff")) {
            return "::ffff:" + ipv4Big(b.substring(24)) + ":" + port;
        }
        if (b.equals("00000000000000000000000000000001")) {
            return "::1:" + port;
        }
        return b.replaceAll("(.{4})(?!$)", "$1:") + ":" + port;
    }

    private static String ipv4(String littleEndianHex) {
        return Integer.parseInt(littleEndianHex.substring(6, 8), 16) + "."
                + Integer.parseInt(littleEndianHex.substring(4, 6), 16)
                + "." + Integer.parseInt(littleEndianHex.substring(2, 4), 16) + "."
                + Integer.parseInt(littleEndianHex.substring(0, 2), 16);
    }

    private static String ipv4Big(String hex) {
        return Integer.parseInt(hex.substring(0, 2), 16) + "." + Integer.parseInt(hex.substring(2, 4), 16) + "."
                + Integer.parseInt(hex.substring(4, 6), 16) + "." + Integer.parseInt(hex.substring(6, 8), 16);
    }
}
