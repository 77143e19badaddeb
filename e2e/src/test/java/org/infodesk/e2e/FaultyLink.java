package org.infodesk.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback that behaves like a bad rural link: each connection it accepts gets one
 * fault, drawn from a seeded random: none, refused at once, cut after some bytes of the request,
 * cut after some bytes of the answer (the server has done its work; the device never hears of
 * it), every chunk late, or every chunk of the answer sent twice.
 */
final class FaultyLink implements AutoCloseable {

    enum Fault { NONE, DROP, CUT_REQUEST, CUT_ANSWER, SLOW, DOUBLED_ANSWER }

    private final ServerSocket listener;
    private final int targetPort;
    private final Random random;
    private final double faultRate;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "faulty-link");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Fault, AtomicInteger> counts = new EnumMap<>(Fault.class);

    /** @param faultRate the share of connections that get a fault other than {@link Fault#NONE} */
    FaultyLink(int targetPort, long seed, double faultRate) throws IOException {
        this.targetPort = targetPort;
        this.random = new Random(seed);
        this.faultRate = faultRate;
        for (Fault fault : Fault.values()) {
            counts.put(fault, new AtomicInteger());
        }
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections were accepted. */
    int connections() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** How many connections got this fault. */
    int count(Fault fault) {
        return counts.get(fault).get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Fault fault;
                int cutAfter;
                synchronized (random) {
                    Fault[] faults = Fault.values();
                    fault = random.nextDouble() < faultRate ? faults[1 + random.nextInt(faults.length - 1)] : Fault.NONE;
                    cutAfter = random.nextInt(4000);
                }
                counts.get(fault).incrementAndGet();
                threads.execute(() -> relay(client, fault, cutAfter));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client, Fault fault, int cutAfter) {
        if (fault == Fault.DROP) {
            close(client);
            return;
        }
        Socket server;
        try {
            server = new Socket();
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        } catch (IOException e) {
            close(client);
            return;
        }
        threads.execute(() -> pump(client, server, fault == Fault.CUT_REQUEST ? cutAfter : -1, fault == Fault.SLOW, false, client, server));
        pump(server, client, fault == Fault.CUT_ANSWER ? cutAfter : -1, fault == Fault.SLOW, fault == Fault.DOUBLED_ANSWER, client, server);
    }

    /** Copies from one socket to the other; with {@code cutAfter >= 0} closes both after that many bytes. */
    private void pump(Socket from, Socket to, int cutAfter, boolean slow, boolean doubled, Socket a, Socket b) {
        byte[] buffer = new byte[8192];
        long sent = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (cutAfter >= 0 && sent + n > cutAfter) {
                    out.write(buffer, 0, (int) (cutAfter - sent));
                    out.flush();
                    break;
                }
                if (slow) {
                    pause();
                }
                out.write(buffer, 0, n);
                if (doubled) {
                    out.write(buffer, 0, n);
                }
                out.flush();
                sent += n;
            }
        } catch (IOException e) {
            // the other side went away: close both below
        }
        close(a);
        close(b);
    }

    /** A late chunk: a link slow by up to 40 ms per chunk (a fault, not a test's timing). */
    private void pause() {
        int millis;
        synchronized (random) {
            millis = random.nextInt(40);
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
