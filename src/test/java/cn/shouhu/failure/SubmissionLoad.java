package cn.shouhu.failure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load client as an integration would be: several threads submit matters, each with an Idempotency-Key of its
 * own, and remember every submission the server acknowledged (2xx) with the matter it named. A thread stops at
 * its first lost connection, as a client whose server died would; what it had not yet sent, or sent without an
 * answer, is for {@link #retry} after the restart.
 * <p>
 * Where the submissions go is one function, {@link Endpoint}: today the staff REST API, later the public portal
 * or Open311, without touching the rest.
 */
final class SubmissionLoad {

	/** Title prefix of every submission: each load's matters are told apart from the demo's by it. */
	static final String TITLE_PREFIX = "故障测试 ";

	/** One submission as an HTTP request, for the key (which the title also carries, to find the matter again). */
	interface Endpoint {

		HttpRequest request(int port, String key);

		/** The matter id in an acknowledged answer. */
		long matterId(HttpResponse<String> response);

		/** SQL counting the stored Idempotency-Keys that start with the one parameter (a LIKE pattern). */
		String storedKeysQuery();

	}

	/**
	 * A third-party app's request through Open311 GeoReport v2 ({@code POST /open311/v2/requests.json}, form-encoded,
	 * with the demo app's api_key): the public path, and no password check on each request.
	 */
	static Endpoint open311(String apiKey) {
		return new Endpoint() {
			@Override
			public HttpRequest request(int port, String key) {
				String form = String.join("&", "api_key=" + encode(apiKey), "service_code=OTHER",
						"attribute%5Bkind%5D=HELP", "attribute%5Btitle%5D=" + encode(TITLE_PREFIX + key),
						"description=" + encode("负载中的求助：楼道照明损坏，夜间老人行走不便。"),
						"address_string=" + encode("沼潭街道某小区 3 号楼"), "first_name=" + encode("王"),
						"last_name=" + encode("女士"), "phone=13847215678");
				return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open311/v2/requests.json"))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build();
			}

			@Override
			public long matterId(HttpResponse<String> response) {
				Matcher id = Pattern.compile("\"service_request_id\"\\s*:\\s*\"(\\d+)\"")
					.matcher(response.body());
				if (!id.find()) {
					throw new IllegalStateException("No service_request_id in " + response.body());
				}
				return Long.parseLong(id.group(1));
			}

			@Override
			public String storedKeysQuery() {
				return "SELECT COUNT(*) FROM open311_request WHERE idempotency_key LIKE ?";
			}
		};
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** 集中受理 over the staff API ({@code POST /api/v1/matters}) as the demo's intake clerk, with HTTP Basic. */
	static Endpoint staffApi(String username, String password) {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Endpoint() {
			@Override
			public HttpRequest request(int port, String key) {
				String body = """
						{"channel":"PHONE","kind":"HELP","urgency":"NORMAL","title":"%s%s",
						 "description":"负载中的求助：楼道照明损坏，夜间老人行走不便。",
						 "place":{"address":"沼潭街道某小区 3 号楼","community":"沼潭社区"},
						 "submitter":{"anonymous":false,"name":"王女士","phone":"13847215678"}}
						""".formatted(TITLE_PREFIX, key);
				return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/matters"))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", basic)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
			}

			@Override
			public long matterId(HttpResponse<String> response) {
				String location = response.headers().firstValue("Location").orElseThrow();
				return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
			}

			@Override
			public String storedKeysQuery() {
				return "SELECT COUNT(*) FROM matter_api_idempotency WHERE idempotency_key LIKE ?";
			}
		};
	}

	/** One answer the server gave; {@code sentAt} is the client's {@link System#nanoTime()} when it sent. */
	record Answer(String key, int status, long matterId, boolean replayed, long sentAt, long millis) {

		long answeredAt() {
			return sentAt + TimeUnit.MILLISECONDS.toNanos(millis);
		}

		boolean acknowledged() {
			return status / 100 == 2;
		}

	}

	private final Endpoint endpoint;

	Endpoint endpoint() {
		return endpoint;
	}

	private final IntFunction<String> keys;

	private final int count;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/** Key → the matter the server acknowledged for it. */
	private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

	/** Every answer that was not 2xx, and no answer at all (status 0). */
	private final List<Answer> refused = java.util.Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger next = new AtomicInteger();

	private volatile boolean stopped;

	private volatile ExecutorService threads;

	private final List<Future<?>> running = new ArrayList<>();

	SubmissionLoad(Endpoint endpoint, String run, int count) {
		this.endpoint = endpoint;
		this.keys = n -> run + "-" + n;
		this.count = count;
	}

	String key(int n) {
		return keys.apply(n);
	}

	int count() {
		return count;
	}

	/**
	 * Starts the threads against the application at this port. With {@code stopOnLostConnection} a thread stops
	 * when no answer comes (the application died); otherwise it goes on with the next submission.
	 */
	void start(int port, int threadCount, boolean stopOnLostConnection) {
		threads = Executors.newFixedThreadPool(threadCount);
		for (int t = 0; t < threadCount; t++) {
			running.add(threads.submit(() -> {
				for (int n = next.getAndIncrement(); n < count && !stopped; n = next.getAndIncrement()) {
					Answer answer = send(port, key(n));
					if (answer.acknowledged()) {
						acknowledged.put(answer.key(), answer.matterId());
					}
					else {
						refused.add(answer);
						if (answer.status() == 0 && stopOnLostConnection) {
							return;
						}
					}
				}
			}));
		}
	}

	/** Asks the threads to stop after their current submission. */
	void stop() {
		stopped = true;
	}

	/** Waits until every thread has stopped: all sent, stopped, or the connection lost. */
	void awaitStopped(Duration timeout) throws Exception {
		threads.shutdown();
		if (!threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			threads.shutdownNow();
			throw new IllegalStateException("The load did not stop within " + timeout);
		}
		for (Future<?> thread : running) {
			thread.get();
		}
	}

	Map<String, Long> acknowledged() {
		return Map.copyOf(acknowledged);
	}

	List<Answer> refused() {
		synchronized (refused) {
			return List.copyOf(refused);
		}
	}

	/** Every key sent so far, answered or not. */
	java.util.Set<String> sent() {
		java.util.Set<String> keys = new java.util.HashSet<>(acknowledged.keySet());
		refused().forEach(answer -> keys.add(answer.key()));
		return keys;
	}

	/** Sends the submission with this key once more (the same key, the same body). */
	Answer retry(int port, String key) {
		Answer answer = send(port, key);
		if (answer.acknowledged()) {
			acknowledged.put(key, answer.matterId());
		}
		return answer;
	}

	private Answer send(int port, String key) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(endpoint.request(port, key),
					HttpResponse.BodyHandlers.ofString());
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			boolean ok = response.statusCode() / 100 == 2;
			return new Answer(key, response.statusCode(), ok ? endpoint.matterId(response) : 0,
					Boolean.parseBoolean(response.headers().firstValue("Idempotency-Replayed").orElse("false")), start,
					millis);
		}
		catch (IOException e) {
			return new Answer(key, 0, 0, false, start, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Answer(key, 0, 0, false, start, 0);
		}
	}

}
