package org.govtrust.shared.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.govtrust.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the real server (Tomcat parses multipart bodies, which MockMvc does not):
 * a phone photo of several megabytes reaches the application, which says how large a photo
 * may be; a body beyond the server's own limit is answered with the upload error, never as an
 * internal failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class UploadLimitTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPhotoOfSeveralMegabytesReachesTheApplication() throws Exception {
		HttpResponse<String> response = postPhoto(6 * 1024 * 1024);
		// the registration does not exist: the application answered, not the upload limit
		assertThat(response.body()).contains("IDN-2004").doesNotContain("SHR-1006").doesNotContain("SHR-9001");
	}

	@Test
	void aBodyBeyondTheServersLimitIsAnsweredAsTooLarge() throws Exception {
		HttpResponse<String> response = postPhoto(30 * 1024 * 1024);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("SHR-1006").contains("上传的文件过大").doesNotContain("SHR-9001");
	}

	/** The face form of a registration that does not exist, sent as a browser sends it (session, CSRF token). */
	private HttpResponse<String> postPhoto(int size) throws Exception {
		HttpResponse<String> form = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/register")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookies = form.headers().allValues("Set-Cookie").stream()
			.map((cookie) -> cookie.split(";", 2)[0])
			.collect(Collectors.joining("; "));
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(token.find()).isTrue();
		String boundary = "----govtrust" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"faceImage\"; filename=\"face.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] image = new byte[size];
		image[0] = (byte) 0xff;
		image[1] = (byte) 0xd8;
		image[2] = (byte) 0xff;
		body.write(image);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/register/" + UUID.randomUUID() + "/identity/face"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", cookies)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
