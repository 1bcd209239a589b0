package org.govtrust.assistant.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

import org.govtrust.assistant.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The assistant's own PIN try counter and pending unlock nonces, per token id, in {@code state.json} under the
 * state directory. Every change is a locked read-modify-write that replaces the file atomically (temporary file
 * and move), so a crash never leaves a half-written counter and two assistant processes do not race.
 */
public final class PinStateStore {

	private static final Object IN_PROCESS = new Object();

	private final Path directory;

	private final int maxTries;

	public PinStateStore(Path directory, int maxTries) {
		if (maxTries < 1) {
			throw new IllegalArgumentException("max tries must be at least 1");
		}
		this.directory = directory;
		this.maxTries = maxTries;
	}

	public int maxTries() {
		return maxTries;
	}

	public Path file() {
		return directory.resolve("state.json");
	}

	/** Tries left for the token (max when never used). */
	public int triesLeft(String tokenId) {
		return update(root -> triesLeft(root, tokenId), false);
	}

	/** Takes one try away before a PIN is tried; returns the tries left after it. */
	public int consumeTry(String tokenId) {
		return update(root -> {
			int left = Math.max(0, triesLeft(root, tokenId) - 1);
			token(root, tokenId).put("triesLeft", left);
			return left;
		}, true);
	}

	public void setTriesLeft(String tokenId, int triesLeft) {
		update(root -> {
			token(root, tokenId).put("triesLeft", Math.max(0, Math.min(maxTries, triesLeft)));
			return null;
		}, true);
	}

	public void reset(String tokenId) {
		setTriesLeft(tokenId, maxTries);
	}

	public void rememberNonce(String tokenId, String nonce) {
		update(root -> {
			token(root, tokenId).put("unlockNonce", nonce);
			return null;
		}, true);
	}

	public String nonce(String tokenId) {
		return update(root -> {
			JsonNode node = root.path("tokens").path(tokenId).path("unlockNonce");
			return node.isString() ? node.stringValue() : null;
		}, false);
	}

	/** Resets the counter and forgets the nonce (after a verified unlock code). */
	public void unlocked(String tokenId) {
		update(root -> {
			ObjectNode token = token(root, tokenId);
			token.put("triesLeft", maxTries);
			token.remove("unlockNonce");
			return null;
		}, true);
	}

	private int triesLeft(ObjectNode root, String tokenId) {
		JsonNode node = root.path("tokens").path(tokenId).path("triesLeft");
		return node.isNumber() ? Math.max(0, Math.min(maxTries, node.asInt())) : maxTries;
	}

	private static ObjectNode token(ObjectNode root, String tokenId) {
		ObjectNode tokens = root.has("tokens") && root.get("tokens").isObject() ? (ObjectNode) root.get("tokens")
				: root.putObject("tokens");
		return tokens.has(tokenId) && tokens.get(tokenId).isObject() ? (ObjectNode) tokens.get(tokenId)
				: tokens.putObject(tokenId);
	}

	private <T> T update(Function<ObjectNode, T> change, boolean write) {
		synchronized (IN_PROCESS) {
			try {
				Files.createDirectories(directory);
				try (FileChannel lockChannel = FileChannel.open(directory.resolve("state.lock"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE); FileLock lock = lockChannel.lock()) {
					ObjectNode root = load();
					T result = change.apply(root);
					if (write) {
						root.put("format", 1);
						SoftToken.writeAtomically(file(),
								Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
					}
					return result;
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("state directory " + directory + ": " + e.getMessage(), e);
			}
		}
	}

	private ObjectNode load() throws IOException {
		Path file = file();
		if (!Files.exists(file)) {
			return Json.MAPPER.createObjectNode();
		}
		String text = Files.readString(file, StandardCharsets.UTF_8);
		try {
			JsonNode node = Json.MAPPER.readTree(text);
			if (node instanceof ObjectNode object) {
				return object;
			}
		}
		catch (RuntimeException e) {
			// damaged (it is written atomically, so only by hand): start again, as if it had been deleted
		}
		return Json.MAPPER.createObjectNode();
	}
}
