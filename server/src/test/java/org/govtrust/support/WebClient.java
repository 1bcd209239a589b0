package org.govtrust.support;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * One person's HTTP client over MockMvc: keeps cookies (the database-backed session) from
 * one request to the next, sends JSON, and adds the CSRF token an API client would echo.
 */
public final class WebClient {

	private final MockMvc mvc;

	private final JsonMapper json;

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	public WebClient(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** A GET of a path with an already encoded query string, as a browser sends it. */
	public ResultActions get(String path) throws Exception {
		return perform(MockMvcRequestBuilders.get(java.net.URI.create(path)));
	}

	/** A GET as a browser's navigation sends it, asking for a page. */
	public ResultActions getPage(String path) throws Exception {
		return perform(MockMvcRequestBuilders.get(java.net.URI.create(path))
			.accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML, MediaType.ALL));
	}

	public ResultActions post(String path, Object body) throws Exception {
		return perform(MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.with(csrf()));
	}

	public ResultActions postText(String path, String contentType, String body) throws Exception {
		return perform(MockMvcRequestBuilders.post(path)
			.contentType(contentType)
			.content(body)
			.with(csrf()));
	}

	public ResultActions put(String path, Object body) throws Exception {
		return perform(MockMvcRequestBuilders.put(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.with(csrf()));
	}

	public ResultActions delete(String path) throws Exception {
		return perform(MockMvcRequestBuilders.delete(path).with(csrf()));
	}

	/** The newest SMS code the simulator delivered to a phone. */
	public String latestCode(String phone) throws Exception {
		return JsonPath.read(this.mvc.perform(MockMvcRequestBuilders.get("/api/v1/simulator/sms-outbox").param("phone", phone))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$[0].code");
	}

	public String sessionCookie() {
		Cookie session = this.cookies.get("SESSION");
		return session == null ? "" : session.getValue();
	}

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		if (!this.cookies.isEmpty()) {
			request.cookie(this.cookies.values().toArray(new Cookie[0]));
		}
		ResultActions result = this.mvc.perform(request);
		for (Cookie cookie : result.andReturn().getResponse().getCookies()) {
			if (cookie.getMaxAge() == 0) {
				this.cookies.remove(cookie.getName());
			}
			else {
				this.cookies.put(cookie.getName(), cookie);
			}
		}
		return result;
	}

}
