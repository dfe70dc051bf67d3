package cn.shouhu.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsvCorpusTest {

	@TempDir
	Path dir;

	@Test
	void readsTheNamedColumnsInAnyOrderAndIgnoresOthers() {
		var texts = TsvCorpus.read(new StringReader("""
				id\tcategory\ttime\tdetail\tsubject
				1\tFRAUD\t2020/1/1\t对方让我转账\t冒充客服
				
				2\tTRAFFIC\t2020/1/2\t路口红绿灯坏了\t 红绿灯 
				"""));
		assertThat(texts).containsExactly(new LabelledText("冒充客服", "对方让我转账", "FRAUD"),
				new LabelledText("红绿灯", "路口红绿灯坏了", "TRAFFIC"));
	}

	@Test
	void readsAUtf8FileWithAByteOrderMarkAndWindowsLineEnds() throws IOException {
		Path file = dir.resolve("corpus.tsv");
		Files.writeString(file, "\uFEFFsubject\tdetail\tcategory\r\n身份证到期\t怎么换领\tHOUSEHOLD\r\n", StandardCharsets.UTF_8);
		assertThat(TsvCorpus.read(file)).containsExactly(new LabelledText("身份证到期", "怎么换领", "HOUSEHOLD"));
	}

	@Test
	void readsUnlabelledMessagesWithoutACategoryColumn() {
		var texts = TsvCorpus.readUnlabelled(new StringReader("subject\tdetail\n身份证到期\t怎么换领\n"));
		assertThat(texts).containsExactly(LabelledText.unlabelled("身份证到期", "怎么换领"));
		assertThat(texts.get(0).labelled()).isFalse();
	}

	@Test
	void readsACategoryTreeAsLabelledTopicNames() throws IOException {
		Path file = dir.resolve("tree.tsv");
		Files.writeString(file, "level1\tlevel2\tlevel3\nTRAFFIC\t道路交通\t违章停车\nFRAUD\t电信诈骗\t冒充客服\n");
		assertThat(TsvCorpus.readTaxonomy(file)).containsExactly(new LabelledText("道路交通", "违章停车", "TRAFFIC"),
				new LabelledText("电信诈骗", "冒充客服", "FRAUD"));
		Files.writeString(file, "category\tlevel2\tlevel3\nTRAFFIC\t道路交通\t违章停车\n");
		assertThatThrownBy(() -> TsvCorpus.readTaxonomy(file)).isInstanceOf(MalformedCorpusException.class)
			.hasMessageContaining("level1");
	}

	@Test
	void namesTheMissingColumn() {
		assertThatThrownBy(() -> TsvCorpus.read(new StringReader("subject\tdetail\n标题\t内容\n")))
			.isInstanceOf(MalformedCorpusException.class)
			.hasMessage("Line 1: the header has no column \"category\" (columns found: subject, detail).")
			.satisfies(ex -> assertThat(((MalformedCorpusException) ex).line()).isEqualTo(1))
			.satisfies(ex -> assertThat(((MalformedCorpusException) ex).messageKey())
				.isEqualTo("classification.corpus.missingColumn"));
	}

	@Test
	void namesTheLineWithTheWrongNumberOfFields() {
		assertThatThrownBy(() -> TsvCorpus.read(new StringReader("subject\tdetail\tcategory\na\tb\tFRAUD\nc\td\n")))
			.isInstanceOf(MalformedCorpusException.class)
			.hasMessage("Line 3: expected 3 tab-separated fields as in the header, found 2.");
		assertThatThrownBy(
				() -> TsvCorpus.read(new StringReader("subject\tdetail\tcategory\na\tb\tFRAUD\textra\n")))
			.hasMessageContaining("Line 2")
			.hasMessageContaining("found 4");
	}

	@Test
	void rejectsEmptyFilesAndEmptyRows() {
		assertThatThrownBy(() -> TsvCorpus.read(new StringReader(""))).isInstanceOf(MalformedCorpusException.class)
			.hasMessageContaining("The file is empty");
		assertThatThrownBy(() -> TsvCorpus.read(new StringReader("subject\tdetail\tcategory\n")))
			.hasMessageContaining("no messages");
		assertThatThrownBy(() -> TsvCorpus.read(new StringReader("subject\tdetail\tcategory\na\tb\t \n")))
			.hasMessage("Line 2: the category is empty.");
		assertThatThrownBy(() -> TsvCorpus.read(new StringReader("subject\tdetail\tcategory\n\t\tFRAUD\n")))
			.hasMessage("Line 2: both subject and detail are empty.");
	}

	@Test
	void namesTheLineThatIsNotUtf8() throws IOException {
		Path file = dir.resolve("gbk.tsv");
		Files.write(file, "subject\tdetail\tcategory\nok\tfine\tFRAUD\n身份证\t换领\tHOUSEHOLD\n"
			.getBytes(Charset.forName("GBK")));
		assertThatThrownBy(() -> TsvCorpus.read(file)).isInstanceOf(MalformedCorpusException.class)
			.hasMessage("Line 3: the text is not valid UTF-8 (save the file as UTF-8).");
	}

	@Test
	void saysWhichFileIsMissing() {
		assertThatThrownBy(() -> TsvCorpus.read(dir.resolve("nothing.tsv"))).isInstanceOf(MalformedCorpusException.class)
			.hasMessageContaining("File not found")
			.hasMessageContaining("nothing.tsv");
	}

	@Test
	void everyMessageKeyHasAChineseAndAnEnglishText() throws IOException {
		var zh = new java.util.Properties();
		var en = new java.util.Properties();
		try (var a = getClass().getResourceAsStream("/i18n/classification.properties");
				var b = getClass().getResourceAsStream("/i18n/classification_en.properties")) {
			zh.load(new java.io.InputStreamReader(a, StandardCharsets.UTF_8));
			en.load(new java.io.InputStreamReader(b, StandardCharsets.UTF_8));
		}
		assertThat(zh.keySet()).isEqualTo(en.keySet());
		assertThat(zh.getProperty("classification.corpus.encoding")).contains("UTF-8").contains("第");
	}

}
