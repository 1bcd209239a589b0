package org.govtrust.support;

import org.govtrust.GovTrustApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second GovTrust node for tests: its own application context, web server and connection
 * pool, on the same database and the same test clock as the first, as two servers behind
 * one load balancer would be.
 */
public final class SecondNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a node.
	 * @param clock the clock the first node uses
	 * @return the running node
	 */
	public static SecondNode start(MutableClock clock) {
		return new SecondNode(new SpringApplicationBuilder(GovTrustApplication.class).profiles("test")
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0")
			.initializers((context) -> context.getBeanFactory().registerSingleton("testClock", clock))
			.run());
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** The node's address, e.g. {@code http://localhost:41234}. */
	public String url() {
		return "http://localhost:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
