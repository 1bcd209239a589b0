// USB-key login: talks to the key assistant on this computer (127.0.0.1 only) and to GovTrust.
// No plugin; every failure is shown with its catalogue text and remedy.
(function () {
	'use strict';
	var root = document.getElementById('certificate-login');
	if (!root) {
		return;
	}
	var assistant = root.getAttribute('data-assistant-url');
	// GovTrust's own endpoints, with the context path the page was served under
	var challenges = root.getAttribute('data-challenges');
	var login = root.getAttribute('data-login');
	// GovTrust answers in the page's language, whatever the browser's own preference
	var language = document.documentElement.lang || 'zh-CN';
	var statusLine = document.getElementById('assistant-status');
	var errorLine = document.getElementById('certificate-error');
	var form = document.getElementById('certificate-form');
	var choice = document.getElementById('certificate-choice');
	var detail = document.getElementById('certificate-detail');
	var pinState = document.getElementById('pin-state');
	var pin = document.getElementById('pin');
	var submit = document.getElementById('certificate-submit');
	var messages = {};
	document.querySelectorAll('#assistant-messages li').forEach(function (li) {
		messages[li.getAttribute('data-code')] = li.textContent;
	});
	var texts = {};
	document.getElementById('texts').content.querySelectorAll('span').forEach(function (span) {
		texts[span.getAttribute('data-key')] = span.textContent;
	});
	var choices = [];

	function fill(text, a, b) {
		return text.replace('{0}', a === undefined ? '' : a).replace('{1}', b === undefined ? '' : b);
	}
	function catalogue(code, argument) {
		return fill(messages[code] || code, argument) + ' (' + code + ')';
	}
	function showError(text) {
		errorLine.textContent = text;
		errorLine.hidden = false;
	}
	function clearError() {
		errorLine.hidden = true;
		errorLine.textContent = '';
	}
	function day(iso) {
		return iso ? iso.substring(0, 10) : '';
	}
	function cn(subject) {
		var match = /(?:^|,)\s*CN=([^,]+)/.exec(subject || '');
		return match ? match[1] : subject;
	}
	function describe() {
		var item = choices[choice.selectedIndex];
		if (!item) {
			return;
		}
		var expired = new Date(item.certificate.notAfter) < new Date();
		detail.textContent = fill(texts.validUntil, day(item.certificate.notAfter))
			+ (expired ? ' · ' + texts.expired : item.certificate.renewalDue ? ' · ' + texts.renewalDue : '');
		var state = item.token.pin || {};
		if (state.locked) {
			pinState.textContent = catalogue('CA-3103');
			submit.disabled = true;
		}
		else {
			pinState.textContent = state.maxTries ? fill(texts.tries, state.triesLeft, state.maxTries) : '';
			submit.disabled = false;
		}
	}
	function assistantFailure(body) {
		switch (body && body.error) {
			case 'PIN_INCORRECT': return catalogue('CA-3102', body.triesLeft);
			case 'PIN_LOCKED': return catalogue('CA-3103');
			case 'TOKEN_ABSENT': return catalogue('CA-3104');
			case 'NO_CERTIFICATE': return catalogue('CA-3105');
			default: return catalogue('CA-3106', (body && (body.error || body.message)) || '?');
		}
	}
	// GovTrust's problem details: the catalogue text with its code
	function problem(body) {
		return (body.detail || body.title) + (body.code ? ' (' + body.code + ')' : '');
	}
	function timeout(ms) {
		var controller = new AbortController();
		setTimeout(function () { controller.abort(); }, ms);
		return controller.signal;
	}

	function detect() {
		fetch(assistant + '/v1/status', { signal: timeout(4000) })
			.then(function (response) {
				return response.json().then(function (body) {
					if (!response.ok) {
						throw { refused: body };
					}
					return body;
				});
			})
			.then(function (status) {
				choices = [];
				(status.tokens || []).forEach(function (token) {
					(token.certificates || []).forEach(function (certificate) {
						choices.push({ token: token, certificate: certificate });
					});
				});
				choice.innerHTML = '';
				if (!status.tokens || status.tokens.length === 0) {
					statusLine.textContent = '';
					showError(catalogue('CA-3104'));
					return;
				}
				if (choices.length === 0) {
					statusLine.textContent = '';
					showError(catalogue('CA-3105'));
					return;
				}
				choices.sort(function (a, b) { return a.certificate.notAfter < b.certificate.notAfter ? 1 : -1; });
				choices.forEach(function (item) {
					var option = document.createElement('option');
					option.textContent = cn(item.certificate.subject) + ' · ' + day(item.certificate.notAfter)
						+ ' · ' + (item.token.label || item.token.id);
					choice.appendChild(option);
				});
				statusLine.textContent = fill(texts.found, status.version);
				form.hidden = false;
				describe();
			})
			.catch(function (failure) {
				statusLine.textContent = '';
				showError(failure && failure.refused ? assistantFailure(failure.refused) : catalogue('CA-3101'));
			});
	}

	choice.addEventListener('change', describe);
	form.addEventListener('submit', function (event) {
		event.preventDefault();
		clearError();
		var item = choices[choice.selectedIndex];
		if (!item) {
			return;
		}
		submit.disabled = true;
		statusLine.textContent = texts.signing;
		var challenge;
		fetch(challenges, { method: 'POST', credentials: 'same-origin', headers: { 'Accept-Language': language } })
			.then(function (response) {
				return response.json().then(function (body) {
					if (!response.ok) {
						throw { message: problem(body) };
					}
					return body;
				});
			})
			.then(function (body) {
				challenge = body;
				return fetch(assistant + '/v1/sign', {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ challenge: body.text, pin: pin.value, token: item.token.id,
						alias: item.certificate.alias })
				});
			})
			.then(function (response) {
				return response.json().then(function (body) {
					if (!response.ok) {
						throw { message: assistantFailure(body), tries: body.triesLeft, locked: body.error === 'PIN_LOCKED' };
					}
					return body;
				});
			})
			.then(function (signed) {
				return fetch(login, {
					method: 'POST',
					credentials: 'same-origin',
					headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': language },
					body: JSON.stringify({ challengeId: challenge.id, certificate: signed.certificate,
						signature: signed.signature, next: document.getElementById('certificate-next').value })
				});
			})
			.then(function (response) {
				return response.json().then(function (body) {
					if (!response.ok) {
						throw { message: problem(body) };
					}
					window.location.assign(body.redirect);
				});
			})
			.catch(function (failure) {
				statusLine.textContent = '';
				pin.value = '';
				if (failure && failure.tries !== undefined) {
					item.token.pin = item.token.pin || {};
					item.token.pin.triesLeft = failure.tries;
				}
				if (failure && failure.locked) {
					item.token.pin = item.token.pin || {};
					item.token.pin.locked = true;
				}
				describe();
				showError(failure && failure.message ? failure.message : catalogue('CA-3101'));
			});
	});
	detect();
}());
