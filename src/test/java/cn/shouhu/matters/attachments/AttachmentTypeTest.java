package cn.shouhu.matters.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The type comes from the first bytes alone; the name must then agree with it. */
class AttachmentTypeTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(nullValues = "NONE", value = {
			// real magic bytes
			"ffd8ffe000104a46494600, JPEG", "ffd8ffe1, JPEG", "89504e470d0a1a0a0000000d, PNG",
			"255044462d312e370a, PDF",
			// spoofed or other content
			"4d5a90000300000004, NONE", // a Windows program (MZ)
			"3c68746d6c3e3c7363, NONE", // <html><sc
			"3c3f786d6c, NONE", // <?xml (an SVG could run script)
			"474946383961, NONE", // GIF89a
			"ffd8, NONE", // too short to be a JPEG
			"89504e470d0a1a, NONE", // a PNG signature cut short
			"25504446, NONE", // "%PDF" without the dash
			"2025504446, NONE", // a PDF signature not at the start
			"504b0304, NONE" // a ZIP (or .docx)
	})
	void detectsByMagicBytes(String hex, String expected) {
		Optional<AttachmentType> type = AttachmentType.detect(HexFormat.of().parseHex(hex));
		assertThat(type.map(Enum::name).orElse(null)).isEqualTo(expected);
	}

	@Test
	void anEmptyOrMissingHeadIsNothing() {
		assertThat(AttachmentType.detect(new byte[0])).isEmpty();
		assertThat(AttachmentType.detect(null)).isEmpty();
		assertThat(AttachmentType.detect("hello".getBytes(StandardCharsets.US_ASCII))).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource({ "JPEG, photo.jpg, true", "JPEG, PHOTO.JPEG, true", "JPEG, photo.png, false", "PNG, 现场.png, true",
			"PNG, scan.png.exe, false", "PDF, letter.pdf, true", "PDF, letter, false", "PDF, pdf, false" })
	void theNameMustAgreeWithTheContent(AttachmentType type, String name, boolean matches) {
		assertThat(type.matchesName(name)).isEqualTo(matches);
	}

	@Test
	void displayNamesLoseFoldersAndControlCharacters() {
		assertThat(AttachmentStore.displayName("C:\\Users\\王\\现场照片.jpg")).isEqualTo("现场照片.jpg");
		assertThat(AttachmentStore.displayName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
		assertThat(AttachmentStore.displayName("a\u0000b\u202Egpj.exe")).isEqualTo("abgpj.exe");
		assertThat(AttachmentStore.displayName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
	}

}
