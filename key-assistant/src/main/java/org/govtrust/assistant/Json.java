package org.govtrust.assistant;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper (Jackson 3). */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}
}
