package cn.shouhu.failure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the application and PostgreSQL that a test can cut and restore, to take "the database"
 * down without stopping the PostgreSQL server other tests share. Cut: every open connection is closed and new
 * ones are accepted and closed at once, as a client sees a server that is down. Restored: connections pass
 * again.
 */
final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private volatile boolean closed;

	TcpProxy(String targetHost, int targetPort) throws IOException {
		this.target = new InetSocketAddress(targetHost, targetPort);
		this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return server.getLocalPort();
	}

	/** New connections are refused; the open ones go on (as while a server shuts down). */
	void refuseNew() {
		cut = true;
	}

	/** The database is down: open connections break, new ones are refused. */
	void cut() {
		refuseNew();
		for (Socket socket : open) {
			closeQuietly(socket);
		}
		open.clear();
	}

	/** The database is back. */
	void restore() {
		cut = false;
	}

	private void accept() {
		while (!closed) {
			Socket client;
			try {
				client = server.accept();
			}
			catch (IOException e) {
				return;
			}
			if (cut) {
				closeQuietly(client);
				continue;
			}
			try {
				Socket upstream = new Socket();
				upstream.connect(target, 2000);
				open.add(client);
				open.add(upstream);
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException e) {
				closeQuietly(client);
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException e) {
				// A cut, or one side closed: both sides go.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "tcp-proxy-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		closed = true;
		closeQuietly(server);
		cut();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception e) {
			// Closing is all that is wanted.
		}
	}

}
