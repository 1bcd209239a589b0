package org.govtrust.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web-layer settings.
 *
 * @param maxConcurrentRequests requests served at once; past it the server answers 503
 * with {@code Retry-After} at once instead of queueing
 * @param overloadRetryAfterSeconds the {@code Retry-After} sent when overloaded
 */
@ConfigurationProperties("govtrust.web")
public record WebProperties(@DefaultValue("200") int maxConcurrentRequests,
		@DefaultValue("2") int overloadRetryAfterSeconds) {

}
