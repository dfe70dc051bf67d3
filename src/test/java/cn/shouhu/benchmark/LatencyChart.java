package cn.shouhu.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * Draws latency against offered rate from the {@code RESULT} lines of {@link IntakeLoadClient} (p50 dashed, p99
 * solid, one colour per endpoint, logarithmic latency axis):
 * <pre>java -cp target/test-classes cn.shouhu.benchmark.LatencyChart docs/intake-latency.png intake.log</pre>
 */
public final class LatencyChart {

	private static final Pattern RESULT = Pattern
		.compile("RESULT endpoint=(\\w+) rate=(\\d+)/s .* p50=([\\d.]+)ms p99=([\\d.]+)ms");

	private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0x9467bd) };

	private LatencyChart() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, List<double[]>> series = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			for (String line : Files.readAllLines(Path.of(args[i]))) {
				Matcher result = RESULT.matcher(line);
				if (result.find()) {
					series.computeIfAbsent(result.group(1), key -> new ArrayList<>())
						.add(new double[] { Double.parseDouble(result.group(2)), Double.parseDouble(result.group(3)),
								Double.parseDouble(result.group(4)) });
				}
			}
		}
		int width = 800;
		int height = 500;
		int left = 80;
		int right = 160;
		int top = 40;
		int bottom = 60;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		double maxRate = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(1);
		double minMs = 1;
		double maxMs = 100_000;
		int plotWidth = width - left - right;
		int plotHeight = height - top - bottom;
		g.drawRect(left, top, plotWidth, plotHeight);
		for (double ms = minMs; ms <= maxMs; ms *= 10) {
			int y = y(ms, minMs, maxMs, top, plotHeight);
			g.setColor(new Color(0xdddddd));
			g.drawLine(left + 1, y, left + plotWidth - 1, y);
			g.setColor(Color.BLACK);
			g.drawString(ms >= 1000 ? (long) (ms / 1000) + " s" : (long) ms + " ms", 20, y + 5);
		}
		// A label every 100/s, or every 200, 500, … when that would crowd more than 12 of them on the axis.
		double step = 100;
		while (maxRate / step > 12) {
			step *= step % 200 == 0 ? 2.5 : 2;
		}
		for (double rate = 0; rate <= maxRate; rate += step) {
			int x = left + (int) (rate / maxRate * plotWidth);
			g.drawString(Long.toString((long) rate), x - 10, top + plotHeight + 20);
		}
		g.drawString("offered rate (submissions/s)", left + plotWidth / 2 - 90, height - 15);
		g.drawString("Intake latency vs. rate (p99 solid, p50 dashed)", left, 25);
		int colour = 0;
		for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
			g.setColor(COLOURS[colour++ % COLOURS.length]);
			for (int which : new int[] { 1, 2 }) {
				g.setStroke(which == 2 ? new BasicStroke(2.5f)
						: new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 },
								0));
				int[] previous = null;
				for (double[] point : entry.getValue()) {
					int x = left + (int) (point[0] / maxRate * plotWidth);
					int y = y(Math.max(minMs, Math.min(maxMs, point[which])), minMs, maxMs, top, plotHeight);
					g.fillOval(x - 3, y - 3, 7, 7);
					if (previous != null) {
						g.drawLine(previous[0], previous[1], x, y);
					}
					previous = new int[] { x, y };
				}
			}
			g.drawString(entry.getKey(), left + plotWidth + 15, top + 20 * colour);
		}
		g.dispose();
		ImageIO.write(image, "png", Path.of(args[0]).toFile());
	}

	private static int y(double ms, double minMs, double maxMs, int top, int plotHeight) {
		double share = (Math.log10(ms) - Math.log10(minMs)) / (Math.log10(maxMs) - Math.log10(minMs));
		return top + plotHeight - (int) (share * plotHeight);
	}

}
