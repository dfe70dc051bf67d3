package cn.shouhu.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load client for intake: it sends submissions at a fixed rate whatever the server does, each at its
 * intended start time (start + i / rate), and measures each latency from that intended time, not from when it was
 * actually sent, so a stalled server is charged for the requests it held up (no coordinated omission). Run it as
 * its own process:
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) cn.shouhu.benchmark.IntakeLoadClient \
 *   --url=http://127.0.0.1:18130 --endpoint=api --rates=50,100,200,400 --seconds=30</pre>
 * Endpoints: {@code open311} ({@code POST /open311/v2/requests.json} with the demo api_key, a new Idempotency-Key
 * per submission: the public path), {@code api} ({@code POST /api/v1/matters}, HTTP Basic {@code --user}/{@code --password}, a new
 * Idempotency-Key per submission) and {@code bare} ({@code POST /benchmark/bare-intake}, the ceiling: one plain
 * JDBC insert, only under the {@code benchmark} profile). It prints one {@code RESULT} line per rate.
 */
public final class IntakeLoadClient {

	/** A phone complaint as the intake desk records it (治安管理, named submitter). */
	static final String BODY = """
			{"channel":"PHONE","kind":"COMPLAINT","categoryCode":"PUBLIC_ORDER","urgency":"NORMAL",
			 "title":"夜间广场舞噪音扰民","description":"小区广场每晚九点后仍有广场舞，音响声音很大，影响老人和孩子休息。希望派出所协调。",
			 "place":{"address":"民族东路某小区","community":"民族东路社区"},
			 "submitter":{"anonymous":false,"name":"赵先生","phone":"15904721234"}}""";

	private IntakeLoadClient() {
	}

	/** The same submission as an Open311 form, with the demo app's api_key (README). */
	static final String OPEN311_FORM = String.join("&", "api_key=shouhu-demo-open311-key-2026",
			"service_code=PUBLIC_ORDER", "attribute%5Bkind%5D=COMPLAINT", "attribute%5Btitle%5D=" + encode("夜间广场舞噪音扰民"),
			"description=" + encode("小区广场每晚九点后仍有广场舞，音响声音很大，影响老人和孩子休息。希望派出所协调。"),
			"address_string=" + encode("民族东路某小区"), "attribute%5Bcommunity%5D=" + encode("民族东路社区"),
			"first_name=" + encode("赵"), "last_name=" + encode("先生"), "phone=15904721234");

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** How one submission is sent. */
	interface Endpoint {

		HttpRequest request(String baseUrl, int n);

	}

	static Endpoint endpoint(String name, String user, String password) {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		String run = UUID.randomUUID().toString().substring(0, 8);
		return switch (name) {
			case "api" -> (baseUrl, n) -> HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/matters"))
				.header("Content-Type", "application/json")
				.header("Authorization", basic)
				.header("Idempotency-Key", "bench-" + run + "-" + n)
				.POST(HttpRequest.BodyPublishers.ofString(BODY))
				.timeout(Duration.ofSeconds(10))
				.build();
			case "bare" -> (baseUrl, n) -> HttpRequest.newBuilder(URI.create(baseUrl + "/benchmark/bare-intake"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(BODY))
				.timeout(Duration.ofSeconds(10))
				.build();
			// A public request from a third-party app: the demo app's api_key (a SHA-256 look-up, no password hash).
			case "open311" -> (baseUrl, n) -> HttpRequest.newBuilder(URI.create(baseUrl + "/open311/v2/requests.json"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Idempotency-Key", "bench-" + run + "-" + n)
				.POST(HttpRequest.BodyPublishers.ofString(OPEN311_FORM))
				.timeout(Duration.ofSeconds(10))
				.build();
			default -> throw new IllegalArgumentException("Unknown endpoint " + name + " (api, open311, bare)");
		};
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("rates", "50,100,200,400", "seconds", "30", "endpoint",
				"api", "user", "clerk", "password", "Shouhu@2026", "warmup", "10"));
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], pair[1]);
		}
		String url = options.get("url");
		Endpoint endpoint = endpoint(options.get("endpoint"), options.get("user"), options.get("password"));
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		int seconds = Integer.parseInt(options.get("seconds"));
		// Warm-up at a low rate (JIT, connection pools), not reported.
		run(client, url, endpoint, 20, Integer.parseInt(options.get("warmup")), "warm-up", false);
		for (String rate : options.get("rates").split(",")) {
			run(client, url, endpoint, Integer.parseInt(rate.trim()), seconds, options.get("endpoint"), true);
			Thread.sleep(5_000);
		}
	}

	static void run(HttpClient client, String url, Endpoint endpoint, int rate, int seconds, String name,
			boolean report) throws InterruptedException {
		int total = rate * seconds;
		long[] latencies = new long[total];
		// Unanswered ones count as infinitely late.
		Arrays.fill(latencies, Long.MAX_VALUE);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch(total);
		long lastDone[] = { 0 };
		long start = System.nanoTime() + 50_000_000;
		long interval = 1_000_000_000L / rate;
		for (int i = 0; i < total; i++) {
			long intended = start + i * interval;
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			int n = i;
			client.sendAsync(endpoint.request(url, n), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, error) -> {
					long now = System.nanoTime();
					latencies[n] = now - intended;
					int status = error != null ? -1 : response.statusCode();
					statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
					if (status >= 200 && status < 300) {
						ok.incrementAndGet();
					}
					else {
						failed.incrementAndGet();
					}
					synchronized (lastDone) {
						lastDone[0] = Math.max(lastDone[0], now);
					}
					done.countDown();
				});
		}
		boolean all = done.await(60, TimeUnit.SECONDS);
		if (!report) {
			return;
		}
		long[] sorted;
		synchronized (lastDone) {
			sorted = latencies.clone();
		}
		Arrays.sort(sorted);
		double elapsed;
		synchronized (lastDone) {
			elapsed = (lastDone[0] - start) / 1e9;
		}
		System.out.printf("RESULT endpoint=%s rate=%d/s sent=%d ok=%d failed=%d statuses=%s%s throughput=%.1f/s"
				+ " p50=%.1fms p99=%.1fms max=%.1fms load=%.2f%n", name, rate, total, ok.get(), failed.get(), statuses,
				all ? "" : " (some unanswered after 60 s)", ok.get() / elapsed, millis(sorted, 50), millis(sorted, 99),
				sorted[sorted.length - 1] / 1e6,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static double millis(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
