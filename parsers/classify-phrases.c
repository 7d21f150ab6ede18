/* classify-phrases.c: the wording of bounce diagnostics, per cause.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each phrase is how real mail servers word one cause, in lower case, in
 * English, Chinese (simplified and traditional), Japanese, German, French,
 * Spanish, Russian and a few more.  '*' in a phrase stands for any text (up
 * to a few hundred bytes), for wording that frames a variable part such as
 * an address.  Provider phrases are private codes or wording of one mailbox
 * provider and decide the cause by themselves.
 *
 * The table is scanned once per diagnostic: the text is folded to lower
 * case into one buffer, and every position looks up only the phrases that
 * begin with its two bytes (an index built once, on first use).  Then the
 * concepts (classify-concepts.def: a head word and a qualifier near it,
 * "the recipient's inbox is out of space") add the causes no phrase named.
 * A phrase of a cause that states a condition counts only when no negation
 * stands before it ("is not spam").
 */
#include "config.h"

#include <string.h>

#include "parsers/classify-concepts.h"
#include "parsers/classify-rules.h"
#include "parsers/knowledge/systems.h"

#define P(s, c)                          \
	{                                \
		s, BV_CAUSE_##c, 0, NULL \
	}
#define NOT(s, c)                                    \
	{                                            \
		s, BV_CAUSE_##c, BV_PHRASE_NOT, NULL \
	}
/* An ordinary phrase whose meaning needs saying in the evidence. */
#define PD(s, c, d)                   \
	{                             \
		s, BV_CAUSE_##c, 0, d \
	}
#define AFTER_DOMAIN(s, c, d)                              \
	{                                                  \
		s, BV_CAUSE_##c, BV_PHRASE_AFTER_DOMAIN, d \
	}
/* Wording that says the recipient's address itself does not exist. */
#define ADDRESS(s, c, d)                              \
	{                                             \
		s, BV_CAUSE_##c, BV_PHRASE_ADDRESS, d \
	}
/* A head word: counts only as a whole word (not in "spamhaus" or an
 * address). */
#define WORD(s, c)                                    \
	{                                             \
		s, BV_CAUSE_##c, BV_PHRASE_WORD, NULL \
	}
/* A phrase whose wording is taken from a named primary source. */
#define SRC(s, c, d, src)                  \
	{                                  \
		s, BV_CAUSE_##c, 0, d, src \
	}
/* A give-up sentence of an outer relay: it counts only when the reply it
 * wraps names no cause. */
#define WRAPPER(s, c)                                    \
	{                                                \
		s, BV_CAUSE_##c, BV_PHRASE_WRAPPER, NULL \
	}

/* A failed connection as a runtime or a C library words it: a network
 * error, or an expired message when the report shows that the sender
 * retried it until it gave up (classify.c, gave_up()).  CONN_WORD counts
 * only as a whole word. */
#define CONN(s, src)                                                      \
	{                                                                 \
		s, BV_CAUSE_NETWORKERROR, BV_PHRASE_CONNECTION, NULL, src \
	}
#define CONN_WORD(s, src)                                                                  \
	{                                                                                  \
		s, BV_CAUSE_NETWORKERROR, BV_PHRASE_CONNECTION | BV_PHRASE_WORD, NULL, src \
	}
/* A head word taken from a named primary source. */
#define WORD_SRC(s, c, d, src)                          \
	{                                               \
		s, BV_CAUSE_##c, BV_PHRASE_WORD, d, src \
	}
/* A give-up sentence taken from a named primary source. */
#define WRAPPER_SRC(s, c, d, src)                          \
	{                                                  \
		s, BV_CAUSE_##c, BV_PHRASE_WRAPPER, d, src \
	}

/* Where the connection failures' words come from. */
#define STRERROR_SOURCE                                                                            \
	"the C library's strerror() texts (glibc string/_strerror.c and sysdeps errlist, musl "    \
	"src/errno/__strerror.h), which Postfix src/smtp/smtp_connect.c (\"connect to %s[%s]:%d: " \
	"%m\"), Exim, Python, Ruby and Rust pass on; Go src/syscall/zerrors_linux_*.go in lower case"
#define GO_NET_SOURCE "Go src/net/net.go (OpError \"dial tcp %s: connect: %s\", timeoutError \"i/o timeout\")"
#define NODE_SOURCE                                                                     \
	"Node.js lib/internal/errors.js (exceptionWithHostPort \"connect ECONNREFUSED " \
	"192.0.2.1:25\", DNSException \"queryMx ENOTFOUND example.com\"), as Haraka passes them on"
#define WINSOCK_SOURCE                                                                                     \
	"Windows Sockets error codes (learn.microsoft.com, winsock \"Windows Sockets Error Codes\"), the " \
	"texts .NET's SocketException carries"

/* Where Exim's "Unrouteable address" comes from. */
#define UNROUTEABLE_SOURCE                                                                   \
	"Exim src/src/route.c (\"Unrouteable address\" when no router accepts an address), " \
	"src/src/acl.c and verify.c (verify = recipient answers RCPT TO with it), "          \
	"src/src/routers/dnslookup.c (a domain the DNS does not know is declined)"

/* What the Domino directory phrases mean. */
#define DOMINO "Lotus Domino: the reporting server found no such recipient in its own directory"

/* The clause registry names its mail systems by parser symbol; listing them
 * here makes a misspelt system a compile error. */
static const BvSystem clause_systems[] G_GNUC_UNUSED = {
#define BV_CLAUSE(sys, phrase, cause, detail, source) BV_SYSTEM_##sys,
#include "parsers/knowledge/clauses.def"
#undef BV_CLAUSE
#define BV_WORDING(sys, phrase, cause, detail, source) BV_SYSTEM_##sys,
#include "parsers/knowledge/wordings.def"
#undef BV_WORDING
};

/* clang-format off */
const BvPhrase bv_phrases[] = {
	/* ---- The recipient's mailbox does not exist. ---- */
	P ("user unknown", USERUNKNOWN),
	/* OpenSMTPD mda.c ("Permanent failure in user lookup"): the local
	 * user does not exist, whatever the command. */
	ADDRESS ("permanent failure in user lookup", USERUNKNOWN,
	         "OpenSMTPD: the local delivery found no such user"),
	P ("unknown user", USERUNKNOWN),
	P ("unknown recipient", USERUNKNOWN),
	P ("recipient unknown", USERUNKNOWN),
	P ("unknown mailbox", USERUNKNOWN),
	P ("unknown local part", USERUNKNOWN),
	P ("unknown local-part", USERUNKNOWN),
	P ("unknown address", USERUNKNOWN),
	P ("address unknown", USERUNKNOWN),
	P ("unknown e-mail address", USERUNKNOWN),
	P ("unknown email address", USERUNKNOWN),
	P ("no such user", USERUNKNOWN),
	P ("no such mailbox", USERUNKNOWN),
	P ("no such recipient", USERUNKNOWN),
	P ("no such address", USERUNKNOWN),
	P ("no such person", USERUNKNOWN),
	P ("no such account", USERUNKNOWN),
	P ("no mailbox here by that name", USERUNKNOWN),
	P ("no mailbox by that name", USERUNKNOWN),
	P ("no account by that name", USERUNKNOWN),
	P ("no mailbox found", USERUNKNOWN),
	P ("no mail box available for this user", USERUNKNOWN),
	P ("user does not exist", USERUNKNOWN),
	P ("user doesn't exist", USERUNKNOWN),
	P ("user not exist", USERUNKNOWN),
	P ("user not found", USERUNKNOWN),
	P ("user not known", USERUNKNOWN),
	P ("user * does not exist", USERUNKNOWN),
	P ("user * was not found", USERUNKNOWN),
	P ("user is unknown", USERUNKNOWN),
	P ("mailbox does not exist", USERUNKNOWN),
	P ("mailbox doesn't exist", USERUNKNOWN),
	P ("mailbox not found", USERUNKNOWN),
	P ("mailbox not present", USERUNKNOWN),
	P ("mailbox unavailable", USERUNKNOWN),
	P ("mailbox is unavailable", USERUNKNOWN),
	P ("mailbox invalid", USERUNKNOWN),
	P ("invalid mailbox", USERUNKNOWN),
	P ("recipient does not exist", USERUNKNOWN),
	P ("recipient not found", USERUNKNOWN),
	P ("recipient not exist", USERUNKNOWN),
	P ("recipientnotfound", USERUNKNOWN),
	P ("recipnotfound", USERUNKNOWN),
	P ("recipient address does not exist", USERUNKNOWN),
	P ("address does not exist", USERUNKNOWN),
	P ("email address could not be found", USERUNKNOWN),
	P ("account that you tried to reach does not exist", USERUNKNOWN),
	P ("invalid recipient", USERUNKNOWN),
	P ("not a valid recipient", USERUNKNOWN),
	P ("not a valid mailbox", USERUNKNOWN),
	P ("not a valid user", USERUNKNOWN),
	P ("is not a known user", USERUNKNOWN),
	P ("bad recipient", USERUNKNOWN),
	P ("bad destination mailbox", USERUNKNOWN),
	P ("nonexistent user", USERUNKNOWN),
	P ("non-existent user", USERUNKNOWN),
	P ("non existent user", USERUNKNOWN),
	P ("inactive email address", USERUNKNOWN),
	P ("recipient address rejected: access denied", USERUNKNOWN),
	/* ... unless the words go on to name a policy ("Access denied by
	 * policy: only internal senders may write to this list"): the site's
	 * rule refused the sender, the recipient exists. */
	P ("access denied by policy", POLICYVIOLATION),
	/* Exchange's mail flow (transport) rules of the recipient's
	 * organisation (the decisions table's 5.7.900-999 row), in words. */
	P ("transport rule", POLICYVIOLATION),
	P ("mail flow rule", POLICYVIOLATION),
	NOT ("access denied by policy", USERUNKNOWN),
	NOT ("access denied by policy", BLOCKED),
	P ("recipient address rejected: invalid user", USERUNKNOWN),
	P ("recipient address rejected: unknown user", USERUNKNOWN),
	P ("recipient address rejected: user unknown", USERUNKNOWN),
	P ("remote server returned unknown recipient", USERUNKNOWN),
	P ("there is no one at this address", USERUNKNOWN),
	P ("this address no longer accepts mail", USERUNKNOWN),
	P ("address no longer valid", USERUNKNOWN),
	P ("no longer valid", USERUNKNOWN),
	P ("is not an active address", USERUNKNOWN),
	P ("not our customer", USERUNKNOWN),
	P ("sorry, badrcptto", USERUNKNOWN),
	P ("in my badrcptto list", USERUNKNOWN),
	P ("not in my validrcptto list", USERUNKNOWN),
	P ("vdeliver: invalid or unknown virtual user", USERUNKNOWN),
	P ("no valid recipients", USERUNKNOWN),
	P ("destination addresses were unknown", USERUNKNOWN),
	P ("address not present in directory", USERUNKNOWN),
	/* Lotus Notes / HCL Domino report on their own directory (the
	 * Domino Directory, formerly the Public Name and Address Book): the
	 * reporting server itself looked the recipient up and found no mail
	 * file, whatever stage of delivery it was at.  English, then
	 * Japanese: ディレクトリのリストにありません, Domino ディレクトリには見つかりません. */
	ADDRESS ("in name directory", USERUNKNOWN, DOMINO),
	ADDRESS ("not listed in domino directory", USERUNKNOWN, DOMINO),
	ADDRESS ("not listed in public name", USERUNKNOWN, DOMINO),
	ADDRESS ("does not specify a valid notes mail file", USERUNKNOWN,
	         "Lotus Domino: the recipient's Domino Directory entry names no mail file, so there is no "
	         "mailbox to deliver to"),
	ADDRESS ("\xe3\x83\x87\xe3\x82\xa3\xe3\x83\xac\xe3\x82\xaf\xe3\x83\x88\xe3\x83\xaa\xe3\x81\xae\xe3\x83\xaa\xe3\x82\xb9\xe3\x83\x88\xe3\x81\xab\xe3\x81\x82\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", USERUNKNOWN, DOMINO),
	ADDRESS ("domino \xe3\x83\x87\xe3\x82\xa3\xe3\x83\xac\xe3\x82\xaf\xe3\x83\x88\xe3\x83\xaa\xe3\x81\xab\xe3\x81\xaf\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", USERUNKNOWN, DOMINO),
	P ("ne peut pas \xc3\xaatre trouv\xc3\xa9", USERUNKNOWN),
	/* Japanese: あて先不明, 宛先不明, ユーザが存在しません, 存在しないユーザ */
	P ("\xe5\xae\x9b\xe5\x85\x88\xe4\xb8\x8d\xe6\x98\x8e", USERUNKNOWN),
	P ("\xe3\x81\x82\xe3\x81\xa6\xe5\x85\x88\xe4\xb8\x8d\xe6\x98\x8e", USERUNKNOWN),
	P ("\xe3\x83\xa6\xe3\x83\xbc\xe3\x82\xb6\xe3\x81\x8c\xe5\xad\x98\xe5\x9c\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", USERUNKNOWN),
	P ("\xe5\xad\x98\xe5\x9c\xa8\xe3\x81\x97\xe3\x81\xaa\xe3\x81\x84\xe3\x83\xa6\xe3\x83\xbc\xe3\x82\xb6", USERUNKNOWN),
	/* Chinese: 收件人地址不存在 ("the recipient's address does not exist"),
	 * the reason Chinese providers' own notices give when they explain
	 * a remote server's refusal. */
	ADDRESS ("\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xe5\x9c\xb0\xe5\x9d\x80\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USERUNKNOWN,
	         "the notice says (in Chinese) that the recipient's address does not exist"),
	/* Chinese: 用户不存在, 用戶不存在, 收件人不存在, 邮箱不存在, 郵箱不存在, 帐号不存在, 账号不存在 */
	P ("\xe7\x94\xa8\xe6\x88\xb7\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USERUNKNOWN),
	P ("\xe7\x94\xa8\xe6\x88\xb6\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USERUNKNOWN),
	P ("\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USERUNKNOWN),
	P ("\xe9\x82\xae\xe7\xae\xb1\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USERUNKNOWN),
	P ("\xe9\x83\xb5\xe7\xae\xb1\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USERUNKNOWN),
	P ("\xe5\xb8\x90\xe5\x8f\xb7\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USERUNKNOWN),
	P ("\xe8\xb4\xa6\xe5\x8f\xb7\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USERUNKNOWN),
	/* German, French, Spanish, Italian, Portuguese, Russian. */
	P ("benutzer unbekannt", USERUNKNOWN),
	P ("unbekannter benutzer", USERUNKNOWN),
	P ("empf\xc3\xa4nger unbekannt", USERUNKNOWN),
	P ("unbekannter empf\xc3\xa4nger", USERUNKNOWN),
	P ("adresse nicht gefunden", USERUNKNOWN),
	P ("die adresse nicht gefunden wurde", USERUNKNOWN),
	P ("postfach existiert nicht", USERUNKNOWN),
	P ("utilisateur inconnu", USERUNKNOWN),
	P ("destinataire inconnu", USERUNKNOWN),
	P ("adresse inconnue", USERUNKNOWN),
	/* "L'adresse (électronique) du destinataire n'existe pas"; typographic
	 * apostrophes are folded to ASCII ones. */
	P ("destinataire n'existe pas", USERUNKNOWN),
	P ("adresse n'existe pas", USERUNKNOWN),
	P ("utilisateur n'existe pas", USERUNKNOWN),
	P ("bo\xc3\xaete aux lettres n'existe pas", USERUNKNOWN),
	P ("destinataire invalide", USERUNKNOWN),
	P ("usuario desconocido", USERUNKNOWN),
	P ("no existe dicha persona", USERUNKNOWN),
	P ("no existe ese usuario", USERUNKNOWN),
	P ("el usuario no existe", USERUNKNOWN),
	P ("destinatario desconocido", USERUNKNOWN),
	P ("utente sconosciuto", USERUNKNOWN),
	P ("nessun utente simile", USERUNKNOWN),
	P ("usu\xc3\xa1rio desconhecido", USERUNKNOWN),
	/* "... does not exist" in German, Spanish, Italian and Portuguese. */
	P ("empf\xc3\xa4nger existiert nicht", USERUNKNOWN),
	P ("benutzer existiert nicht", USERUNKNOWN),
	P ("adresse existiert nicht", USERUNKNOWN),
	P ("el destinatario no existe", USERUNKNOWN),
	P ("direcci\xc3\xb3n no existe", USERUNKNOWN),
	P ("buz\xc3\xb3n no existe", USERUNKNOWN),
	P ("utente inesistente", USERUNKNOWN),
	P ("indirizzo inesistente", USERUNKNOWN),
	P ("l'utente non esiste", USERUNKNOWN),
	P ("usu\xc3\xa1rio n\xc3\xa3o existe", USERUNKNOWN),
	P ("destinat\xc3\xa1rio inexistente", USERUNKNOWN),
	/* нет такого пользователя, пользователь не найден, пользователь не существует, адрес не существует */
	P ("\xd0\xbd\xd0\xb5\xd1\x82 \xd1\x82\xd0\xb0\xd0\xba\xd0\xbe\xd0\xb3\xd0\xbe \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8f", USERUNKNOWN),
	P ("\xd0\xbf\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd", USERUNKNOWN),
	P ("\xd0\xbf\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c \xd0\xbd\xd0\xb5 \xd1\x81\xd1\x83\xd1\x89\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd0\xb5\xd1\x82", USERUNKNOWN),
	P ("\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81 \xd0\xbd\xd0\xb5 \xd1\x81\xd1\x83\xd1\x89\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd0\xb5\xd1\x82", USERUNKNOWN),

	/* ---- The recipient's domain does not exist. ---- */
	P ("host unknown", HOSTUNKNOWN),
	P ("unknown host", HOSTUNKNOWN),
	P ("host not found", HOSTUNKNOWN),
	P ("host * not found", HOSTUNKNOWN),
	/* Postfix's wording for a DNS server that failed to answer. */
	NOT ("host not found, try again", HOSTUNKNOWN),
	P ("host or domain name not found", HOSTUNKNOWN),
	P ("domain not found", HOSTUNKNOWN),
	P ("domain does not exist", HOSTUNKNOWN),
	P ("domain must exist", HOSTUNKNOWN),
	P ("no such domain", HOSTUNKNOWN),
	/* The runtimes' words for a name the DNS does not know (NXDOMAIN).
	 * Go's and Node's count as whole words: "no such host@example.com"
	 * is an address. */
	WORD_SRC ("no such host", HOSTUNKNOWN, "the DNS says the name does not exist",
	          "Go src/net/net.go (errNoSuchHost, in DNSError \"lookup %s on %s: no such host\"); "
	          WINSOCK_SOURCE " (WSAHOST_NOT_FOUND 11001, \"No such host is known\")"),
	WORD_SRC ("enotfound", HOSTUNKNOWN, "the DNS says the name does not exist (Node.js ENOTFOUND)", NODE_SOURCE),
	SRC ("unknownhostexception", HOSTUNKNOWN, "the DNS does not know the name (Java)",
	     "Java java.net.UnknownHostException (src/java.base/share/classes/java/net/UnknownHostException.java)"),
	SRC ("name does not resolve", HOSTUNKNOWN, "the DNS does not know the name (EAI_NONAME)",
	     "musl src/network/gai_strerror.c (EAI_NONAME)"),
	/* Apache James writes it when the DNS gives no mail server and no
	 * address for the domain, a name that does not exist included:
	 * nothing in the DNS names the domain (parsers/README.md). */
	SRC ("there are no dns entries for the hostname", HOSTUNKNOWN,
	     "Apache James: the DNS has no entry for the recipient's domain",
	     "Apache James server/mailet/mailets/.../remote/delivery/MailDelivrer.java (handleNoTargetServer: \"There "
	     "are no DNS entries for the hostname %s.  I cannot determine where to send this message.\")"),
	/* Stalwart: the MX host has no address (an MX pointing to nothing,
	 * parsers/README.md). */
	SRC ("record not found for mx", HOSTUNKNOWN, "the domain's MX host has no address",
	     "Stalwart crates/smtp/src/outbound/lookup.rs (\"record not found for MX\")"),
	SRC ("query name does not exist", HOSTUNKNOWN, "the DNS says the name does not exist (NXDOMAIN)",
	     "dnspython dns/resolver.py (NXDOMAIN: \"The DNS query name does not exist\")"),
	P ("unknown domain", HOSTUNKNOWN),
	P ("invalid domain", HOSTUNKNOWN),
	/* Exim's "no router accepted the address": its meaning depends on
	 * who wrote it (classify.c, unrouteable()). */
	SRC ("unrouteable address", HOSTUNKNOWN, NULL, UNROUTEABLE_SOURCE),
	SRC ("unroutable address", HOSTUNKNOWN, NULL, UNROUTEABLE_SOURCE),
	P ("domain is not reachable", HOSTUNKNOWN),
	P ("name or service not known", HOSTUNKNOWN),
	P ("recipient domain must exist", HOSTUNKNOWN),
	P ("recipient address rejected: unknown domain", HOSTUNKNOWN),
	/* MX records whose hosts have no address: the domain has no
	 * reachable mail host, as if it did not exist (parsers/README.md,
	 * vocabulary decisions); Exim's own sentence is in wordings.def. */
	SRC ("none of the mx records", HOSTUNKNOWN, "none of the domain's MX hosts has an address",
	     "hMailServer (\"None of the MX records for %s could be resolved\"); Exim src/src/routers/dnslookup.c"),
	P ("mx records point to", HOSTUNKNOWN),
	P ("mx records * point to", HOSTUNKNOWN),
	P ("mx host does not resolve", HOSTUNKNOWN),
	P ("mx host * does not resolve", HOSTUNKNOWN),
	P ("mx hosts do not resolve", HOSTUNKNOWN),
	P ("mx hosts * do not resolve", HOSTUNKNOWN),
	P ("mx records do not resolve", HOSTUNKNOWN),
	P ("nxdomain", HOSTUNKNOWN),
	P ("the domain name does not exist", HOSTUNKNOWN),
	P ("domain name not found", HOSTUNKNOWN),
	/* "mx.example.org does not exist": a bare domain name, not an
	 * address or a path, is what does not exist. */
	AFTER_DOMAIN ("does not exist", HOSTUNKNOWN, "the server says the domain name does not exist"),
	/* Sender-side domain wording is not about the recipient's host. */
	NOT ("domain of sender address", HOSTUNKNOWN),
	NOT ("sender domain", HOSTUNKNOWN),
	/* 域名不存在 */
	P ("\xe5\x9f\x9f\xe5\x90\x8d\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", HOSTUNKNOWN),
	P ("domaine inconnu", HOSTUNKNOWN),
	P ("unbekannte domain", HOSTUNKNOWN),
	P ("dominio desconocido", HOSTUNKNOWN),

	/* ---- The mailbox is full. ---- */
	P ("mailbox full", MAILBOXFULL),
	P ("mailbox is full", MAILBOXFULL),
	P ("mailbox is over quota", MAILBOXFULL),
	P ("mailbox size limit exceeded", MAILBOXFULL),
	P ("mailbox has exceeded", MAILBOXFULL),
	P ("mailbox exceeded", MAILBOXFULL),
	P ("mail box full", MAILBOXFULL),
	P ("mailfolder is full", MAILBOXFULL),
	P ("mail quota exceeded", MAILBOXFULL),
	P ("quota exceeded", MAILBOXFULL),
	/* SmarterMail's "The domain size limit has been exceeded": the disk
	 * space the recipient's domain is allotted, a quota of the recipient's
	 * side (hosting providers' SmarterMail knowledge base articles). */
	P ("domain size limit", MAILBOXFULL),
	P ("domain storage limit", MAILBOXFULL),
	P ("domain quota", MAILBOXFULL),
	P ("quota exceed", MAILBOXFULL),
	P ("over quota", MAILBOXFULL),
	P ("overquota", MAILBOXFULL),
	P ("over the quota", MAILBOXFULL),
	P ("over its quota", MAILBOXFULL),
	P ("exceeded storage allocation", MAILBOXFULL),
	P ("exceeded its quota", MAILBOXFULL),
	P ("exceeds quota", MAILBOXFULL),
	P ("quota full", MAILBOXFULL),
	P ("quota violation", MAILBOXFULL),
	P ("insufficient quota", MAILBOXFULL),
	P ("out of storage space", MAILBOXFULL),
	P ("inbox is full", MAILBOXFULL),
	P ("box is full", MAILBOXFULL),
	P ("account is full", MAILBOXFULL),
	P ("account is over quota", MAILBOXFULL),
	P ("user is over quota", MAILBOXFULL),
	P ("disk quota exceeded", MAILBOXFULL),
	P ("not enough storage space", MAILBOXFULL),
	P ("would exceed mailbox quota", MAILBOXFULL),
	P ("maildir over quota", MAILBOXFULL),
	P ("the user's space has been used up", MAILBOXFULL),
	P ("recipient overquota", MAILBOXFULL),
	P ("too much mail data", MAILBOXFULL),
	/* Other words for the same state: the mailbox, inbox or account
	 * named, then "full", "quota" or "storage" within the clause. */
	P ("mailbox * is full", MAILBOXFULL),
	P ("inbox full", MAILBOXFULL),
	P ("mailbox storage", MAILBOXFULL),
	P ("storage quota", MAILBOXFULL),
	P ("quota has been exceeded", MAILBOXFULL),
	P ("has reached its quota", MAILBOXFULL),
	P ("reached * storage limit", MAILBOXFULL),
	P ("mailbox size exceeded", MAILBOXFULL),
	P ("insufficient storage for the recipient", MAILBOXFULL),
	/* Courier and Dovecot: "Quota exceeded (mailbox for user is full)". */
	P ("quota reached", MAILBOXFULL),
	/* French, German, Spanish, Italian, Russian, Chinese, Japanese. */
	P ("bo\xc3\xaete pleine", MAILBOXFULL),
	P ("quota d\xc3\xa9pass\xc3\xa9", MAILBOXFULL),
	P ("postfach ist \xc3\xbc" "berf\xc3\xbcllt", MAILBOXFULL),
	P ("speicherplatz * ersch\xc3\xb6pft", MAILBOXFULL),
	P ("buz\xc3\xb3n lleno", MAILBOXFULL),
	P ("buz\xc3\xb3n est\xc3\xa1 lleno", MAILBOXFULL),
	P ("casella * piena", MAILBOXFULL),
	P ("\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbd\xd0\xb5\xd0\xbd", MAILBOXFULL), /* переполнен */
	P ("\xe9\x82\xae\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xa1", MAILBOXFULL), /* 邮箱已满 */
	P ("\xe5\xae\xb9\xe9\x87\x8f\xe8\xb6\x85\xe9\x81\x8e", MAILBOXFULL), /* 容量超過 */
	/* 邮箱已满, 郵箱已滿, 信箱已满, 空间不足, 容量不足, メールボックスが一杯, 容量超過 */
	P ("\xe9\x82\xae\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xa1", MAILBOXFULL),
	P ("\xe9\x83\xb5\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xbf", MAILBOXFULL),
	P ("\xe4\xbf\xa1\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xa1", MAILBOXFULL),
	P ("\xe7\xa9\xba\xe9\x97\xb4\xe4\xb8\x8d\xe8\xb6\xb3", MAILBOXFULL),
	P ("\xe5\xae\xb9\xe9\x87\x8f\xe4\xb8\x8d\xe8\xb6\xb3", MAILBOXFULL),
	P ("\xe5\xae\xb9\xe9\x87\x8f\xe8\xb6\x85\xe9\x81\x8e", MAILBOXFULL),
	P ("\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab\xe3\x83\x9c\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9\xe3\x81\x8c\xe4\xb8\x80\xe6\x9d\xaf", MAILBOXFULL),
	P ("postfach voll", MAILBOXFULL),
	P ("postfach ist voll", MAILBOXFULL),
	/* "Das Postfach des Empfängers ist voll". */
	P ("postfach * ist voll", MAILBOXFULL),
	P ("speicherplatz", MAILBOXFULL),
	P ("bo\xc3\xaete pleine", MAILBOXFULL),
	P ("boite pleine", MAILBOXFULL),
	P ("boite du destinataire pleine", MAILBOXFULL),
	P ("bo\xc3\xaete aux lettres pleine", MAILBOXFULL),
	P ("buz\xc3\xb3n lleno", MAILBOXFULL),
	P ("buzon lleno", MAILBOXFULL),
	P ("casella piena", MAILBOXFULL),
	/* "La boîte aux lettres est pleine", "quota dépassé", "el buzón está
	 * lleno", "cuota excedida", "caixa postal cheia", 邮箱容量已满,
	 * メールボックスがいっぱい. */
	P ("aux lettres est pleine", MAILBOXFULL),
	P ("quota d\xc3\xa9pass\xc3\xa9", MAILBOXFULL),
	P ("buz\xc3\xb3n est\xc3\xa1 lleno", MAILBOXFULL),
	P ("cuota excedida", MAILBOXFULL),
	P ("caixa postal cheia", MAILBOXFULL),
	P ("caixa de correio cheia", MAILBOXFULL),
	P ("\xe5\xae\xb9\xe9\x87\x8f\xe5\xb7\xb2\xe6\xbb\xa1", MAILBOXFULL),
	P ("\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab\xe3\x83\x9c\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9\xe3\x81\x8c\xe3\x81\x84\xe3\x81\xa3\xe3\x81\xb1\xe3\x81\x84", MAILBOXFULL),
	/* ящик переполнен, превышен лимит / квота */
	P ("\xd1\x8f\xd1\x89\xd0\xb8\xd0\xba \xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbd\xd0\xb5\xd0\xbd", MAILBOXFULL),
	P ("\xd0\xbf\xd1\x80\xd0\xb5\xd0\xb2\xd1\x8b\xd1\x88\xd0\xb5\xd0\xbd\xd0\xb0 \xd0\xba\xd0\xb2\xd0\xbe\xd1\x82\xd0\xb0", MAILBOXFULL),

	/* ---- The message is too big. ---- */
	P ("message too large", MESGTOOBIG),
	/* Exim receive.c ("Message header is ridiculously long"): the header
	 * block over header_maxsize. */
	P ("header is ridiculously long", MESGTOOBIG),
	P ("message too big", MESGTOOBIG),
	P ("message is too large", MESGTOOBIG),
	P ("message is too big", MESGTOOBIG),
	P ("message size exceeds", MESGTOOBIG),
	P ("message exceeds maximum size", MESGTOOBIG),
	P ("message exceeds the maximum", MESGTOOBIG),
	P ("exceeded maximum message size", MESGTOOBIG),
	P ("size exceeds the maximum", MESGTOOBIG),
	P ("size limit exceeded", MESGTOOBIG),
	P ("line limit exceeded", MESGTOOBIG),
	P ("exceeds size limit", MESGTOOBIG),
	P ("exceeds the size limit", MESGTOOBIG),
	P ("maximum message size", MESGTOOBIG),
	P ("mail size limit", MESGTOOBIG),
	P ("message length exceeds administrative limit", EXCEEDLIMIT),
	P ("taille limite du message", MESGTOOBIG),
	P ("nachricht zu gro\xc3\x9f", MESGTOOBIG),
	/* 邮件过大, 郵件過大, 邮件大小超过 */
	P ("\xe9\x82\xae\xe4\xbb\xb6\xe8\xbf\x87\xe5\xa4\xa7", MESGTOOBIG),
	P ("\xe9\x83\xb5\xe4\xbb\xb6\xe9\x81\x8e\xe5\xa4\xa7", MESGTOOBIG),
	P ("\xe9\x82\xae\xe4\xbb\xb6\xe5\xa4\xa7\xe5\xb0\x8f\xe8\xb6\x85\xe8\xbf\x87", MESGTOOBIG),

	/* ---- A limit of the recipient other than size. ---- */
	P ("message length exceeds limit set by recipient", EXCEEDLIMIT),
	/* Too many recipients in one transaction is RFC 3463's X.5.3, which
	 * the vocabulary table (parsers/README.md) calls toomanyconn: the
	 * words say the same as the code. */
	P ("too many recipients", TOOMANYCONN),
	P ("maximum number of recipients", TOOMANYCONN),
	/* The same as a count ("I don't take more than 20 RCPTs", a postfwd
	 * rule of its sample configuration, etc/postfwd.cf.sample). */
	P ("more than * rcpts", TOOMANYCONN),
	/* A limit of one connection or session, not a sending rate (Exim
	 * smtp_accept_max_per_connection "too many messages in this
	 * connection"; Stalwart "Maximum number of messages per session
	 * exceeded"), as NetEase's MI:DMC. */
	P ("too many messages in this connection", TOOMANYCONN),
	NOT ("too many messages in this connection", SPEEDING),
	P ("messages in this session", TOOMANYCONN),
	NOT ("messages in this session", SPEEDING),
	P ("messages for this session", TOOMANYCONN),
	NOT ("messages for this session", SPEEDING),
	P ("messages per smtp connection", TOOMANYCONN),
	NOT ("messages per smtp connection", SPEEDING),
	P ("connection message limit", TOOMANYCONN),
	P ("messages per connection", TOOMANYCONN),
	NOT ("messages per connection", SPEEDING),
	P ("messages per session", TOOMANYCONN),
	NOT ("messages per session", SPEEDING),
	/* Haraka's limit plugin ("Too many recipient attempts"): recipients
	 * tried in one connection. */
	P ("too many recipient attempts", TOOMANYCONN),
	P ("recipient limit exceeded", EXCEEDLIMIT),
	P ("headers too large", CONTENTERROR),
	P ("too many header", CONTENTERROR),
	/* Apache James ("552 Header size is too large"): the header block,
	 * not the message, is over the limit. */
	P ("header size", CONTENTERROR),

	/* ---- The account is suspended or disabled. ---- */
	P ("account disabled", SUSPEND),
	P ("account is disabled", SUSPEND),
	P ("account has been disabled", SUSPEND),
	P ("account that you tried to reach is disabled", SUSPEND),
	P ("account that you tried to reach is inactive", SUSPEND),
	P ("account is inactive", SUSPEND),
	P ("account inactive", SUSPEND),
	/* inbox.lv's "rejected: Inactive user" (a mailbox blocked after
	 * months without use): the user exists, the account is off. */
	P ("inactive user", SUSPEND),
	P ("user inactive", SUSPEND),
	P ("user is inactive", SUSPEND),
	P ("account is suspended", SUSPEND),
	P ("account suspended", SUSPEND),
	P ("account has been suspended", SUSPEND),
	P ("account is locked", SUSPEND),
	P ("account is frozen", SUSPEND),
	P ("account is blocked", SUSPEND),
	P ("account expired", SUSPEND),
	P ("account is expired", SUSPEND),
	P ("mailbox is frozen", SUSPEND),
	P ("mailbox disabled", SUSPEND),
	P ("mailbox is disabled", SUSPEND),
	P ("mailbox has been disabled", SUSPEND),
	P ("mailbox is inactive", SUSPEND),
	P ("mailbox has been blocked", SUSPEND),
	P ("mailbox unavailable, disabled", SUSPEND),
	P ("recipient account is blocked", SUSPEND),
	P ("recipient is suspended", SUSPEND),
	P ("user suspended", SUSPEND),
	P ("user account disabled", SUSPEND),
	P ("is a deactivated mailbox", SUSPEND),
	P ("boite du destinataire archivee", SUSPEND),
	P ("le compte du destinataire est bloque", SUSPEND),
	P ("konto gesperrt", SUSPEND),
	P ("cuenta suspendida", SUSPEND),
	/* 账户已停用, 帳戶已停用, 该邮箱已被冻结 (frozen) */
	P ("\xe8\xb4\xa6\xe6\x88\xb7\xe5\xb7\xb2\xe5\x81\x9c\xe7\x94\xa8", SUSPEND),
	P ("\xe5\xb8\xb3\xe6\x88\xb6\xe5\xb7\xb2\xe5\x81\x9c\xe7\x94\xa8", SUSPEND),
	P ("\xe5\xb7\xb2\xe8\xa2\xab\xe5\x86\xbb\xe7\xbb\x93", SUSPEND),

	/* ---- The mailbox has moved. ---- */
	P ("recipient no longer on server", HASMOVED),
	P ("has been moved to", HASMOVED),
	P ("address has changed", HASMOVED),
	P ("mailbox has moved", HASMOVED),
	P ("user has moved", HASMOVED),
	P ("no longer on server", HASMOVED),
	/* "The recipient has changed address" in other languages, as the
	 * servers of those countries word RFC 3463 X.1.6 (destination
	 * mailbox has moved, no forwarding address). */
	P ("ha cambiato indirizzo", HASMOVED),
	P ("ha cambiado de direcci\xc3\xb3n", HASMOVED),
	P ("mudou de endere\xc3\xa7o", HASMOVED),
	P ("a chang\xc3\xa9 d'adresse", HASMOVED),
	P ("adresse hat sich ge\xc3\xa4ndert", HASMOVED),

	/* ---- Relaying denied. ---- */
	P ("relay access denied", NORELAYING),
	P ("relaying denied", NORELAYING),
	P ("relay denied", NORELAYING),
	P ("relay not permitted", NORELAYING),
	P ("relaying not permitted", NORELAYING),
	P ("relaying not allowed", NORELAYING),
	P ("relaying mail to * is not allowed", NORELAYING),
	P ("we do not relay", NORELAYING),
	/* "This server does not relay for ...": any subject that does not
	 * relay (general-language class). */
	P ("does not relay", NORELAYING),
	P ("do not relay", NORELAYING),
	P ("will not relay", NORELAYING),
	P ("cannot relay", NORELAYING),
	P ("unable to relay", NORELAYING),
	P ("not configured to relay", NORELAYING),
	P ("relay prohibited", NORELAYING),
	P ("not permitted to relay", NORELAYING),
	P ("not allowed to relay", NORELAYING),
	P ("relay not allowed", NORELAYING),
	/* "Relay disabled" (a hosting provider's outbound gateway for a
	 * domain it does not serve). */
	P ("relay disabled", NORELAYING),
	P ("relaying disabled", NORELAYING),
	P ("no relaying", NORELAYING),
	P ("insecure mail relay", NORELAYING),
	P ("not local host", NORELAYING),
	P ("isn't in my list of allowed rcpthosts", NORELAYING),
	P ("email address is not verified", NORELAYING),
	P ("relais refus\xc3\xa9", NORELAYING),
	/* Sendmail-style "you are trying to use me [host] as a relay, but I
	 * have not been configured to let you do this". */
	PD ("as a relay", NORELAYING, "the server does not relay mail for the sending client"),
	/* 不允许中继, 拒絕轉發 */
	P ("\xe4\xb8\x8d\xe5\x85\x81\xe8\xae\xb8\xe4\xb8\xad\xe7\xbb\xa7", NORELAYING),

	/* ---- SPF, DKIM, DMARC. ---- */
	P ("spf check failed", AUTHFAILURE),
	P ("spf fail", AUTHFAILURE),
	P ("spf validation", AUTHFAILURE),
	/* A refusal that names SPF at all is about it ("[SPF] host ... is not
	 * allowed to send mail from ...", "blocked by SPF", "SPF-Prüfung
	 * fehlgeschlagen"): RFC 7208 is the only SPF a mail server means.
	 * Its result "pass" is no refusal. */
	P ("spf", AUTHFAILURE),
	NOT ("spf pass", AUTHFAILURE),
	NOT ("dkim pass", AUTHFAILURE),
	/* The same results as RFC 8601's Authentication-Results writes them
	 * ("spf=pass", "dkim=pass") or a filter's "spf: pass". */
	NOT ("spf=pass", AUTHFAILURE),
	NOT ("spf: pass", AUTHFAILURE),
	NOT ("spf:pass", AUTHFAILURE),
	NOT ("dkim=pass", AUTHFAILURE),
	NOT ("dkim: pass", AUTHFAILURE),
	NOT ("dmarc=pass", AUTHFAILURE),
	NOT ("dmarc: pass", AUTHFAILURE),
	NOT ("verification successful", AUTHFAILURE),
	/* The same result in words ("Sender ID check passed, but the message
	 * was rejected ... as spam"): a check that passed refused nothing. */
	NOT ("check passed", AUTHFAILURE),
	NOT ("spf passed", AUTHFAILURE),
	NOT ("dkim passed", AUTHFAILURE),
	NOT ("dmarc passed", AUTHFAILURE),
	P ("spf record", AUTHFAILURE),
	P ("bad spf", AUTHFAILURE),
	P ("spf: ", AUTHFAILURE),
	P ("spf:", AUTHFAILURE),
	P ("fails to pass spf", AUTHFAILURE),
	P ("sender policy framework", AUTHFAILURE),
	P ("dkim", AUTHFAILURE),
	P ("dmarc", AUTHFAILURE),
	P ("unauthenticated email", AUTHFAILURE),
	P ("does not have authentication information", AUTHFAILURE),
	P ("fails to pass authentication checks", AUTHFAILURE),
	P ("authentication checks failed", AUTHFAILURE),
	P ("is not authorized to send", AUTHFAILURE),
	P ("spf/dns de votre nom de domaine", AUTHFAILURE),
	P ("arc validation", AUTHFAILURE),
	/* ADSP (RFC 5617): the author domain's DKIM signing practices,
	 * OpenDKIM's "ADSP discardable mail may not be sent to this address". */
	P ("adsp", AUTHFAILURE),
	/* Sender ID (RFC 4406, experimental, Microsoft's): SPF records checked
	 * against the purported responsible address; its failure is one of
	 * authentication, whatever the reply says was refused. */
	P ("sender id validation", AUTHFAILURE),
	P ("sender id check", AUTHFAILURE),
	P ("senderid", AUTHFAILURE),
	/* A header named DKIM-Signature that is duplicated is a format error. */
	NOT ("duplicate header", AUTHFAILURE),

	/* ---- After DATA: a filter refused the message. ---- */
	P ("refused due to recipient preferences", FILTERED),
	P ("due to the recipients policy", FILTERED),
	P ("due to recipient's policy", FILTERED),
	P ("message filtered", FILTERED),
	P ("rejected by the recipient's filter", FILTERED),
	/* The recipient's own refusal of the sender (Interia's "Recipient
	 * doesn't want your mail": the recipient blocked the sender; Tencent
	 * Exmail's "Mail is rejected by recipients": a block or filter the
	 * recipient set), as the carriers' reception settings below. */
	P ("rejected by recipients", FILTERED),
	P ("doesn't want your mail", FILTERED),
	P ("does not want your mail", FILTERED),
	P ("does not wish to receive", FILTERED),
	P ("user refuses to receive this mail", FILTERED),
	P ("user reject", FILTERED),
	P ("you have been blocked by the recipient", FILTERED),
	P ("recipient is only accepting mail from specific", FILTERED),
	P ("has restricted sms e-mail", FILTERED),
	P ("is not accepting any mail", FILTERED),
	P ("message rejected due to user rules", FILTERED),
	P ("refuse to receive mail", FILTERED),
	P ("resolver.rst.notauthorized", FILTERED),
	P ("this account is protected by", FILTERED),
	P ("bounced address", FILTERED),
	P ("rejected by a remote mail server", FILTERED),
	/* Japanese mobile carriers refuse a sender by the recipient's
	 * reception settings: "rejected by the receiver's settings", 受信拒否. */
	PD ("by the receiver's settings", FILTERED,
	    "the recipient's own reception settings refused the message"),
	PD ("by the recipient's settings", FILTERED,
	    "the recipient's own reception settings refused the message"),
	PD ("\xe5\x8f\x97\xe4\xbf\xa1\xe6\x8b\x92\xe5\x90\xa6", FILTERED,
	    "the recipient's reception settings (\xe5\x8f\x97\xe4\xbf\xa1\xe6\x8b\x92\xe5\x90\xa6) refused the message"),

	/* ---- No or bad reverse DNS. ---- */
	P ("reverse dns", REQUIREPTR),
	P ("reverse-dns", REQUIREPTR),
	P ("reverse lookup", REQUIREPTR),
	/* The same in other languages: DNS inverso (es, it), DNS reverso
	 * (pt), résolution inverse, resolución inversa, 逆引き (ja),
	 * обратной записи (ru). */
	P ("dns inverso", REQUIREPTR),
	P ("dns reverso", REQUIREPTR),
	P ("dns inverse", REQUIREPTR),
	P ("r\xc3\xa9solution inverse", REQUIREPTR),
	P ("resoluci\xc3\xb3n inversa", REQUIREPTR),
	P ("resolu\xc3\xa7\xc3\xa3o reversa", REQUIREPTR),
	P ("\xe9\x80\x86\xe5\xbc\x95\xe3\x81\x8d", REQUIREPTR),
	P ("\xd0\xbe\xd0\xb1\xd1\x80\xd0\xb0\xd1\x82\xd0\xbd\xd0\xbe\xd0\xb9 \xd0\xb7\xd0\xb0\xd0\xbf\xd0\xb8\xd1\x81\xd0\xb8", REQUIREPTR),
	P ("\xd0\xbe\xd0\xb1\xd1\x80\xd0\xb0\xd1\x82\xd0\xbd\xd0\xb0\xd1\x8f \xd0\xb7\xd0\xb0\xd0\xbf\xd0\xb8\xd1\x81\xd1\x8c", REQUIREPTR),
	P ("rdns", REQUIREPTR),
	P ("ptr record", REQUIREPTR),
	P ("ptr resource record", REQUIREPTR),
	P ("no ptr", REQUIREPTR),
	/* "No PTR record" in other languages. */
	P ("brak rekordu ptr", REQUIREPTR),
	P ("nessun record ptr", REQUIREPTR),
	P ("geen ptr", REQUIREPTR),
	P ("ning\xc3\xban registro ptr", REQUIREPTR),
	P ("nenhum registro ptr", REQUIREPTR),
	P ("aucun enregistrement ptr", REQUIREPTR),
	P ("kein ptr", REQUIREPTR),
	P ("ptr \xd0\xb7\xd0\xb0\xd0\xbf\xd0\xb8\xd1\x81", REQUIREPTR), /* PTR-запись */
	P ("missing ptr", REQUIREPTR),
	P ("invalid ptr", REQUIREPTR),
	P ("no dns reverse", REQUIREPTR),
	/* The record named in parentheses after words of any language ("n'a
	 * pas de nom d'hôte inverse (PTR)"), or checked ("PTR lookup
	 * failed", "PTR check"). */
	P ("(ptr)", REQUIREPTR),
	P ("ptr lookup", REQUIREPTR),
	P ("ptr check", REQUIREPTR),
	P ("ptr mismatch", REQUIREPTR),
	P ("nom d'h\xc3\xb4te inverse", REQUIREPTR),
	P ("ip name lookup failed", REQUIREPTR),
	/* Sendmail cf/m4/proto.m4 answers "550 Relaying denied. IP name
	 * possibly forged" or "... IP name lookup failed" only after no rule
	 * let the client relay: the relaying is refused, and the client's
	 * name is why it could not be allowed by name (norelaying). */
	P ("client host name lookup failed", REQUIREPTR),
	P ("cannot find your hostname", REQUIREPTR),
	P ("cannot resolve your address", REQUIREPTR),
	P ("unresolvable hostname", REQUIREPTR),
	P ("hostname does not resolve", REQUIREPTR),
	P ("mismatches client ip", REQUIREPTR),
	P ("without a valid sender domain", REQUIREPTR),
	P ("unverifyable sending ip", REQUIREPTR),
	P ("unverifiable sending ip", REQUIREPTR),
	P ("connections not accepted from ip addresses on spamhaus pbl", BLOCKED),
	/* RFC 3463's own words for X.7.1, which Courier gives a filter's
	 * refusal that has no text of its own (submit.C: "571 Delivery not
	 * authorized, message refused.") and OpenSMTPD puts before its
	 * reason (smtp_session.c: "550 5.7.1 Delivery not authorized,
	 * message refused: Message is not RFC 2822 compliant"): a reason
	 * after it decides. */
	WRAPPER_SRC ("delivery not authorized, message refused", FILTERED,
	             "a mail filter of the receiving server refused the message without a reason of its own",
	             "Courier courier/submit.C (\"571 Delivery not authorized, message refused.\"); OpenSMTPD "
	             "usr.sbin/smtpd/esc.c, smtp_session.c"),
	/* Exim smtp_in.c smtp_handle_acl_fail(): an ACL "deny" with no
	 * message of its own gets "Administrative prohibition", whichever
	 * check denied: the site's own rule, nothing said of the sender. */
	P ("administrative prohibition", POLICYVIOLATION),
	/* Sendmail proto.m4 FEATURE(block_bad_helo) ("bogus HELO name
	 * used"): the client claims to be this host. */
	P ("bogus helo", BLOCKED),
	P ("client host rejected: cannot find your", REQUIREPTR),
	P ("dns:nr", REQUIREPTR),
	/* Sendmail cf/m4/proto.m4, FEATURE(`require_rdns'): the client's
	 * name does not lead back to its address (FORGED). */
	P ("possibly forged hostname", REQUIREPTR),
	/* 无反向解析, 反向解析失败 */
	P ("\xe5\x8f\x8d\xe5\x90\x91\xe8\xa7\xa3\xe6\x9e\x90", REQUIREPTR),

	/* ---- Not compliant with the RFCs. ---- */
	P ("multiple addresses in from: header", NOTCOMPLIANTRFC),
	P ("addresses in from: header are not accepted", NOTCOMPLIANTRFC),
	/* RFC 5322 section 2.1.1 limits a line to 998 characters; Exim's
	 * src/src/configure.default refuses longer ones ("maximum allowed
	 * line length is 998 octets, got ..."). */
	P ("maximum allowed line length", NOTCOMPLIANTRFC),
	P ("998 octets", NOTCOMPLIANTRFC),
	P ("not rfc 5322 compliant", NOTCOMPLIANTRFC),
	P ("not rfc5322 compliant", NOTCOMPLIANTRFC),
	P ("rfc 5322", NOTCOMPLIANTRFC),
	P ("rfc5322", NOTCOMPLIANTRFC),
	P ("rfc 2822", NOTCOMPLIANTRFC),
	P ("duplicate message-id", NOTCOMPLIANTRFC),
	P ("missing message-id", NOTCOMPLIANTRFC),
	P ("bare lf", NOTCOMPLIANTRFC),
	/* hMailServer SMTPConnection.cpp ("bare line feeds are not permitted
	 * by RFC 5321"): RFC 5321 section 2.3.8 allows CRLF only; a reply that
	 * cites the protocol's RFC says the message broke it. */
	P ("bare line feed", NOTCOMPLIANTRFC),
	P ("rfc 5321", NOTCOMPLIANTRFC),
	P ("rfc5321", NOTCOMPLIANTRFC),
	P ("bare linefeed", NOTCOMPLIANTRFC),

	/* ---- The sending IP's reputation. ---- */
	P ("low reputation", BADREPUTATION),
	P ("poor reputation", BADREPUTATION),
	/* Haraka's karma plugin scores a sending host by its past
	 * connections ("very bad karma score"): a reputation. */
	P ("karma", BADREPUTATION),
	P ("bad reputation", BADREPUTATION),
	P ("due to ip reputation", BADREPUTATION),
	P ("\xd7\x9e\xd7\x95\xd7\xa0\xd7\x99\xd7\x98\xd7\x99\xd7\x9f", BADREPUTATION), /* מוניטין */
	P ("ip reputation", BADREPUTATION),
	P ("sender reputation", BADREPUTATION),
	P ("domain reputation", BADREPUTATION),
	P ("reputation of the sending", BADREPUTATION),
	P ("senderscore", BADREPUTATION),
	P ("sender score", BADREPUTATION),
	/* The same word in other languages (a general-language class):
	 * réputation, reputação, reputación, reputazione, reputatie,
	 * reputacja, reputace, репутация, 信誉, 信譽, 평판. */
	P ("r\xc3\xa9putation", BADREPUTATION),
	P ("reputa\xc3\xa7\xc3\xa3o", BADREPUTATION),
	P ("reputaci\xc3\xb3n", BADREPUTATION),
	P ("reputazione", BADREPUTATION),
	P ("reputatie", BADREPUTATION),
	P ("reputacj", BADREPUTATION),
	P ("reputace", BADREPUTATION),
	P ("\xd1\x80\xd0\xb5\xd0\xbf\xd1\x83\xd1\x82\xd0\xb0\xd1\x86\xd0\xb8", BADREPUTATION),
	P ("\xe4\xbf\xa1\xe8\xaa\x89", BADREPUTATION),
	P ("\xe4\xbf\xa1\xe8\xad\xbd", BADREPUTATION),
	P ("\xed\x8f\x89\xed\x8c\x90", BADREPUTATION),
	/* Head word: any refusal that speaks of reputation ("poor sending
	 * reputation"), a general-language class. */
	WORD ("reputation", BADREPUTATION),

	/* ---- Header or content format. ---- */
	P ("improper use of 8-bit data", CONTENTERROR),
	/* 8-bit data a 7-bit destination does not take (RFC 3463 X.6.3;
	 * Sendmail deliver.c "Cannot send 8-bit data to 7-bit destination",
	 * usersmtp.c "%s does not support 8BITMIME"). */
	P ("8-bit data to 7-bit", CONTENTERROR),
	P ("does not support 8bitmime", CONTENTERROR),
	P ("binary encoding", CONTENTERROR),
	P ("8-bit or binary", CONTENTERROR),
	P ("header error", POLICYVIOLATION),
	P ("duplicate header", CONTENTERROR),
	P ("message content rejected", CONTENTERROR),
	P ("invalid header", CONTENTERROR),
	P ("malformed header", CONTENTERROR),
	P ("header syntax", CONTENTERROR),
	P ("message header size exceeds", CONTENTERROR),
	P ("illegal character", CONTENTERROR),
	P ("unsupported media", CONTENTERROR),

	/* ---- The sender (envelope from) was refused. ---- */
	PD ("envelope blocked", REJECTED, "Mimecast: a block entry of the recipient's organisation refuses the sender"),
	P ("sender rejected", REJECTED),
	/* The recipient's own list of refused senders matched the address
	 * (Forpsi's "550 5.1.1 <a@b> sender is blacklisted"), not a list of
	 * hosts. */
	P ("sender is blacklisted", REJECTED),
	/* A list of domains that tested the sender's domain (postfwd's
	 * sample rule "Sender's domain is listed at dsn.rfc-ignorant.org"):
	 * the decisions table's domain-list row. */
	P ("sender's domain is listed", REJECTED),
	P ("sender domain is listed", REJECTED),
	P ("sender address is blacklisted", REJECTED),
	P ("sender is blocklisted", REJECTED),
	/* qmail-smtpd.c ("sorry, your envelope sender is in my badmailfrom
	 * list"); Exim acl.c ("Could not complete sender verify callout"). */
	P ("badmailfrom", REJECTED),
	P ("sender verify callout", REJECTED),
	/* Postfix smtpd_check.c reject_rhsbl_sender: the default reply
	 * "$rbl_class [$rbl_what] blocked using $rbl_domain" names the sender's
	 * address when the list tested the sender's domain, not the host
	 * (parsers/README.md: a domain list on the sender's domain). */
	P ("sender address [* blocked using", REJECTED),
	P ("sender address rejected", REJECTED),
	/* qmail-remote.c's stage sentence "Connected to %s but sender was
	 * rejected." wraps the server's reply, which says why when it does
	 * ("Defined SPAM source": a list of the sending host). */
	WRAPPER_SRC ("but sender was rejected", REJECTED, "qmail: the server refused the sender at MAIL FROM",
	             "qmail qmail-remote.c (quit(\"Connected to \", \" but sender was rejected\"))"),
	P ("sender was rejected", REJECTED),
	P ("sender verify failed", REJECTED),
	P ("sender verification failed", REJECTED),
	P ("invalid sender", REJECTED),
	P ("sender is invalid", REJECTED),
	P ("bad sender", REJECTED),
	P ("sender denied", REJECTED),
	P ("sender blacklisted", REJECTED),
	P ("sender address has been blacklisted", REJECTED),
	P ("sender is in my black list", REJECTED),
	P ("sender is spammer", REJECTED),
	P ("sender not pre-approved", REJECTED),
	P ("sender domain is empty", REJECTED),
	P ("domain of sender address", REJECTED),
	P ("sender email address rejected", REJECTED),
	P ("unroutable sender address", REJECTED),
	P ("null sender is not allowed", REJECTED),
	P ("empty envelope senders not allowed", REJECTED),
	P ("bogus mail from", REJECTED),
	P ("mail from not owned by user", REJECTED),
	P ("is not a registered gateway user", REJECTED),
	P ("your email address has been blacklisted", REJECTED),
	P ("you are not allowed to post to this mailing list", REJECTED),
	P ("not have permission to post", REJECTED),
	P ("not allowed to post", REJECTED),
	/* Sympa's DSN for a message its list's send scenario refused
	 * (src/lib/Sympa.pm, 5.7.1 "message is not authorized and is
	 * rejected"): the one sending is not allowed to, as above. */
	P ("you are not allowed to send", REJECTED),
	P ("isn't on the recipient's list of senders", REJECTED),
	P ("returned mail not accepted here", REJECTED),
	P ("batv failed", REJECTED),
	P ("batv validation failure", REJECTED),
	P ("address rejected", REJECTED),
	P ("this server does not accept mail from", REJECTED),
	P ("an address that has been blacklisted", REJECTED),
	P ("please provide a valid from", REJECTED),
	P ("not a member of this mailing list", REJECTED),
	P ("emetteur invalide", REJECTED),
	P ("absender unbekannt", REJECTED),
	P ("absender abgelehnt", REJECTED),
	P ("remitente no v\xc3\xa1lido", REJECTED),
	/* 发件人被拒绝, 發件人被拒絕, 寄件者被拒 */
	P ("\xe5\x8f\x91\xe4\xbb\xb6\xe4\xba\xba\xe8\xa2\xab\xe6\x8b\x92", REJECTED),
	P ("\xe7\x99\xbc\xe4\xbb\xb6\xe4\xba\xba\xe8\xa2\xab\xe6\x8b\x92", REJECTED),
	/* "Recipient address rejected" speaks of the recipient, not the sender. */
	NOT ("recipient address rejected", REJECTED),
	NOT ("5.1.0 address rejected", REJECTED),
	NOT ("sender ip address rejected", REJECTED),

	/* ---- Spam filters. ---- */
	P ("spam detected", SPAMDETECTED),
	P ("detected as spam", SPAMDETECTED),
	P ("scored as spam", SPAMDETECTED),
	P ("classified as spam", SPAMDETECTED),
	P ("considered spam", SPAMDETECTED),
	P ("looks like spam", SPAMDETECTED),
	P ("identified as spam", SPAMDETECTED),
	P ("spam classification", SPAMDETECTED),
	P ("spam message", SPAMDETECTED),
	P ("spam content", SPAMDETECTED),
	P ("likely spam", SPAMDETECTED),
	P ("message is spam", SPAMDETECTED),
	P ("this message is spam", SPAMDETECTED),
	P ("probable spam", SPAMDETECTED),
	P ("suspected spam content", SPAMDETECTED),
	P ("spam is embedded in the email", SPAMDETECTED),
	P ("mail content denied", SPAMDETECTED),
	P ("content filter", SPAMDETECTED),
	P ("spamassassin", SPAMDETECTED),
	P ("bulk mail", SPAMDETECTED),
	/* rspamd's dcc module ("bulk message found"): DCC counts the copies
	 * of a message sent to many mailboxes. */
	P ("bulk message", SPAMDETECTED),
	/* A message that impersonates someone to deceive (Haraka's headers
	 * plugin, "Phishing message appears to impersonate ..."): a content
	 * verdict. */
	P ("phishing", SPAMDETECTED),
	P ("unsolicited", SPAMDETECTED),
	/* Head words: any sentence that calls the message spam, UBE (RFC
	 * 2505's unsolicited bulk e-mail) or junk, whatever its other words
	 * ("looks like SPAM to us", "rejected: UBE", "junk mail"). */
	WORD ("spam", SPAMDETECTED),
	WORD ("ube", SPAMDETECTED),
	WORD ("uce", SPAMDETECTED),
	WORD ("junk mail", SPAMDETECTED),
	WORD ("junk email", SPAMDETECTED),
	WORD ("junk e mail", SPAMDETECTED),
	WORD ("bulk email", SPAMDETECTED),
	WORD ("bulk e mail", SPAMDETECTED),
	WORD ("spammy", SPAMDETECTED),
	/* Head words: any sentence that calls the message junk, a general-
	 * language class ("message content judged as junk"); and the same
	 * words in Dutch, Polish, Russian, Czech, Turkish, Swedish, Korean,
	 * Italian, Portuguese, Spanish and Japanese (tests/classify/
	 * paraphrases.tsv). */
	WORD ("junk", SPAMDETECTED),
	P ("niechcian\xc4\x85 poczt\xc4\x99", SPAMDETECTED), /* niechcianą pocztę */
	P ("niechciana wiadomo\xc5\x9b\xc4\x87", SPAMDETECTED), /* niechciana wiadomość */
	P ("\xd0\xbd\xd0\xb5\xd0\xb6\xd0\xb5\xd0\xbb\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb0\xd1\x8f \xd0\xbf\xd0\xbe\xd1\x87\xd1\x82\xd0\xb0", SPAMDETECTED), /* нежелательная почта */
	P ("\xd0\xbd\xd0\xb5\xd0\xb6\xd0\xb5\xd0\xbb\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xbe\xd0\xb5 \xd0\xbf\xd0\xb8\xd1\x81\xd1\x8c\xd0\xbc\xd0\xbe", SPAMDETECTED), /* нежелательное письмо */
	P ("nevy\xc5\xbe\xc3\xa1" "dan\xc3\xa1 po\xc5\xa1ta", SPAMDETECTED), /* nevyžádaná pošta */
	P ("nevy\xc5\xbe\xc3\xa1" "dan\xc3\xbd obsah", SPAMDETECTED), /* nevyžádaný obsah */
	P ("skr\xc3\xa4ppost", SPAMDETECTED), /* skräppost */
	P ("\xec\x8a\xa4\xed\x8c\xb8", SPAMDETECTED), /* 스팸 */
	P ("lixo eletr\xc3\xb4nico", SPAMDETECTED), /* lixo eletrônico */
	P ("\xe8\xbf\xb7\xe6\x83\x91\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab", SPAMDETECTED), /* 迷惑メール */
	P ("ongewenste e mail", SPAMDETECTED),
	P ("ongewenste mail", SPAMDETECTED),
	P ("niechciana poczta", SPAMDETECTED),
	P ("istenmeyen posta", SPAMDETECTED),
	P ("istenmeyen e posta", SPAMDETECTED),
	P ("posta indesiderata", SPAMDETECTED),
	P ("correio indesejado", SPAMDETECTED),
	P ("correo basura", SPAMDETECTED),
	/* French, German, Spanish, Italian, Portuguese: pourriel, courrier
	 * indésirable, unerwünschte Werbung, correo no deseado, posta
	 * indesiderata, lixo eletrônico. */
	P ("pourriel", SPAMDETECTED),
	P ("courrier ind\xc3\xa9sirable", SPAMDETECTED),
	P ("unerw\xc3\xbcnschte werbung", SPAMDETECTED),
	P ("correo no deseado", SPAMDETECTED),
	P ("posta indesiderata", SPAMDETECTED),
	P ("spam score", SPAMDETECTED),
	P ("rejected as spam", SPAMDETECTED),
	P ("blacklisted url", SPAMDETECTED),
	P ("uribl", SPAMDETECTED),
	/* A URI block list names the domains a message links to, not the
	 * sending host (Apache James URIRBLHandler: "message contains domain
	 * ... listed by multi.surbl.org"; hMailServer's URI blacklist test). */
	P ("surbl", SPAMDETECTED),
	P ("uri blacklist", SPAMDETECTED),
	P ("uri blocklist", SPAMDETECTED),
	P ("uri black list", SPAMDETECTED),
	P ("links to a domain", SPAMDETECTED),
	P ("mail appears to be unsolicited", SPAMDETECTED),
	P ("mail rejete. mail rejected", SPAMDETECTED),
	/* 垃圾邮件, 垃圾郵件, 迷惑メール, スパム */
	P ("\xe5\x9e\x83\xe5\x9c\xbe\xe9\x82\xae\xe4\xbb\xb6", SPAMDETECTED),
	P ("\xe5\x9e\x83\xe5\x9c\xbe\xe9\x83\xb5\xe4\xbb\xb6", SPAMDETECTED),
	P ("\xe8\xbf\xb7\xe6\x83\x91\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab", SPAMDETECTED),
	P ("\xe3\x82\xb9\xe3\x83\x91\xe3\x83\xa0", SPAMDETECTED),
	/* спам */
	P ("\xd1\x81\xd0\xbf\xd0\xb0\xd0\xbc", SPAMDETECTED),
	/* The words for spam or junk mail in Norwegian (Microsoft's "søppelpost"),
	 * Finnish, Slovak, Hungarian (Microsoft's "levélszemét"), Croatian and
	 * Serbian, Vietnamese, Thai, Arabic, Hebrew, Hindi, Catalan and European
	 * Portuguese (a general-language class, tests/classify/paraphrases.tsv). */
	P ("s\xc3\xb8ppelpost", SPAMDETECTED), /* søppelpost */
	P ("roskaposti", SPAMDETECTED),
	P ("nevy\xc5\xbeiadan\xc3\xa1 po\xc5\xa1ta", SPAMDETECTED), /* nevyžiadaná pošta */
	P ("nevy\xc5\xbeiadan\xc3\xba po\xc5\xa1tu", SPAMDETECTED), /* nevyžiadanú poštu */
	P ("lev\xc3\xa9lszem\xc3\xa9t", SPAMDETECTED), /* levélszemét */
	P ("ne\xc5\xbe" "eljena po\xc5\xa1ta", SPAMDETECTED), /* neželjena pošta */
	P ("ne\xc5\xbe" "eljenu po\xc5\xa1tu", SPAMDETECTED), /* neželjenu poštu */
	P ("\xd0\xbd\xd0\xb5\xd0\xb6\xd0\xb5\xd1\x99\xd0\xb5\xd0\xbd\xd0\xb0 \xd0\xbf\xd0\xbe\xd1\x88\xd1\x82\xd0\xb0", SPAMDETECTED), /* нежељена пошта */
	P ("th\xc6\xb0 r\xc3\xa1" "c", SPAMDETECTED), /* thư rác */
	P ("\xe0\xb8\xaa\xe0\xb9\x81\xe0\xb8\x9b\xe0\xb8\xa1", SPAMDETECTED), /* สแปม */
	P ("\xd8\xa8\xd8\xb1\xd9\x8a\xd8\xaf \xd8\xb9\xd8\xb4\xd9\x88\xd8\xa7\xd8\xa6\xd9\x8a", SPAMDETECTED), /* بريد عشوائي */
	P ("\xd8\xa7\xd9\x84\xd8\xa8\xd8\xb1\xd9\x8a\xd8\xaf \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb4\xd9\x88\xd8\xa7\xd8\xa6\xd9\x8a", SPAMDETECTED), /* البريد العشوائي */
	P ("\xd7\x93\xd7\x95\xd7\x90\xd7\xa8 \xd7\x96\xd7\x91\xd7\x9c", SPAMDETECTED), /* דואר זבל */
	P ("\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xaa\xe0\xa5\x88\xe0\xa4\xae", SPAMDETECTED), /* स्पैम */
	P ("correu brossa", SPAMDETECTED),
	P ("correio n\xc3\xa3o solicitado", SPAMDETECTED), /* correio não solicitado */

	/* ---- Sending too fast. ---- */
	P ("rate limit", SPEEDING),
	P ("rate-limit", SPEEDING),
	P ("ratelimit", SPEEDING),
	/* cPanel's Exim counts a domain's or user's outgoing mail per hour
	 * ("Domain example.com has exceeded the max emails per hour
	 * (251/250 (100%)) allowed", the Tweak Settings "Max hourly emails
	 * per domain" and "Maximum percentage of failed or deferred messages
	 * a domain may send per hour"): the sender's own rate. */
	P ("emails per hour", SPEEDING),
	P ("messages per hour", SPEEDING),
	P ("defers and failures per hour", SPEEDING),
	/* A count per hour is a rate, never a mailbox's storage ("Account
	 * s@example.org has reached its limit of 250 messages per hour",
	 * "Hourly message quota exceeded"). */
	P ("per hour", SPEEDING),
	P ("hourly limit", SPEEDING),
	P ("hourly quota", SPEEDING),
	P ("hourly message", SPEEDING),
	NOT ("per hour", MAILBOXFULL),
	NOT ("hourly", MAILBOXFULL),
	/* So is a quota per day or month, or one of sending: a mailbox's
	 * storage has no period, and the recipient's mailbox sends nothing
	 * (Amazon SES "Daily message quota exceeded", "Maximum sending rate
	 * exceeded"; Google "Daily user sending quota exceeded"). */
	NOT ("per day", MAILBOXFULL),
	NOT ("per month", MAILBOXFULL),
	NOT ("daily message", MAILBOXFULL),
	NOT ("daily sending", MAILBOXFULL),
	NOT ("daily quota", MAILBOXFULL),
	NOT ("daily limit", MAILBOXFULL),
	NOT ("monthly message", MAILBOXFULL),
	NOT ("monthly sending", MAILBOXFULL),
	NOT ("monthly quota", MAILBOXFULL),
	NOT ("monthly limit", MAILBOXFULL),
	NOT ("sending quota", MAILBOXFULL),
	NOT ("send quota", MAILBOXFULL),
	P ("rate limited", SPEEDING),
	/* A limit on connections is not a limit on messages. */
	NOT ("connection rate limit", SPEEDING),
	P ("receiving mail at a rate", SPEEDING),
	P ("too many messages", SPEEDING),
	/* Messages kept, not sent: a mailbox over its count of messages (GMX,
	 * newsroom.gmx.net 2017-09-28 "Unzustellbar": "User has too many
	 * messages on server", "Das Postfach des Empfängers enthält zu viele
	 * Nachrichten"). */
	P ("too many messages on server", MAILBOXFULL),
	NOT ("too many messages on server", SPEEDING),
	P ("enth\xc3\xa4lt zu viele nachrichten", MAILBOXFULL),
	NOT ("enth\xc3\xa4lt zu viele nachrichten", SPEEDING),
	P ("too many emails", SPEEDING),
	P ("too many recipients this hour", SPEEDING),
	P ("sent to too many recipients", SPEEDING),
	P ("sending too fast", SPEEDING),
	P ("throttl", SPEEDING),
	P ("frequency of receiving messages is limited", SPEEDING),
	P ("exceeded the rate", SPEEDING),
	P ("message rate exceeded", SPEEDING),
	P ("unexpected volume", SPEEDING),
	/* Mox smtpserver/server.go ("... too high, slow down please"). */
	P ("slow down", SPEEDING),
	/* Postfix src/smtpd/smtpd.c: "450 4.7.1 Error: too much mail from %s"
	 * (smtpd_client_message_rate_limit), and a recipient's server that
	 * takes messages no faster (Gmail's 4.2.1 "receiving mail too
	 * quickly" in other words). */
	P ("too much mail from", SPEEDING),
	P ("too fast", SPEEDING),
	/* Mail to one mailbox faster than it takes (Rackspace's G30 "Mailbox
	 * received too much email in a short period of time", Apple iCloud's
	 * "deferred due to excessive volume"): a rate, as Google's 4.2.1. */
	P ("too much email", SPEEDING),
	P ("too much mail for", SPEEDING),
	P ("excessive volume", SPEEDING),
	P ("excessive message volume", SPEEDING),
	P ("excessive mail volume", SPEEDING),
	/* "Rate limit" in French ("limite de débit dépassée"). */
	P ("limite de d\xc3\xa9\x62it", SPEEDING),
	/* 发送频率过快, 频率限制 */
	P ("\xe9\xa2\x91\xe7\x8e\x87", SPEEDING),

	/* ---- Too many connections. ---- */
	P ("too many connections", TOOMANYCONN),
	/* Mox smtpserver/server.go ("too many open connections from your ip
	 * or network"): an adjective between the words. */
	P ("too many open connections", TOOMANYCONN),
	/* Postfix src/postscreen/postscreen.c ("421 4.3.2 All server ports
	 * are busy"): the server has no room for another connection. */
	P ("server ports are busy", TOOMANYCONN),
	/* A connection-rate limit is a limit on connections, reached or
	 * exceeded (Postfix anvil, Mox "connection rate limit"). */
	P ("connection rate limit", TOOMANYCONN),
	/* Mox smtpserver/server.go ("connection rate from your ip or network
	 * too high, slow down please"): the rate is of connections, whatever
	 * it asks of the client. */
	P ("connection rate", TOOMANYCONN),
	NOT ("connection rate", SPEEDING),
	/* A client that keeps sending commands the server does not know
	 * (Apache James MaxUnknownCmdHandler "Closing connection as too many
	 * unknown commands received"): the commands, not the connections. */
	P ("too many unknown commands", SYNTAXERROR),
	P ("too many invalid commands", SYNTAXERROR),
	P ("too many unrecognized commands", SYNTAXERROR),
	P ("too many bad commands", SYNTAXERROR),
	NOT ("too many unknown commands", TOOMANYCONN),
	NOT ("too many invalid commands", TOOMANYCONN),
	NOT ("too many unrecognized commands", TOOMANYCONN),
	NOT ("too many bad commands", TOOMANYCONN),
	NOT ("too many unknown commands", SPEEDING),
	NOT ("too many invalid commands", SPEEDING),
	NOT ("too many unrecognized commands", SPEEDING),
	NOT ("too many bad commands", SPEEDING),
	/* A throttle of connections is about connections, not messages
	 * (sqlgrey "Throttling too many connections from new source"). */
	NOT ("too many connections", SPEEDING),
	NOT ("too many open connections", SPEEDING),
	P ("too many concurrent", TOOMANYCONN),
	P ("too many simultaneous", TOOMANYCONN),
	P ("too many sessions", TOOMANYCONN),
	P ("connection rate limit exceeded", TOOMANYCONN),
	P ("connection limit", TOOMANYCONN),
	P ("trop de connexions", TOOMANYCONN),
	P ("zu viele verbindungen", TOOMANYCONN),
	/* 连接数过多, 連線數過多 */
	P ("\xe8\xbf\x9e\xe6\x8e\xa5\xe6\x95\xb0\xe8\xbf\x87\xe5\xa4\x9a", TOOMANYCONN),
	/* Postfix src/smtpd/smtpd.c: "421 4.7.0 %s Error: too many new TLS
	 * sessions from %s" (smtpd_client_new_tls_session_rate_limit), and
	 * postscreen's "421 4.3.2 All screening ports are busy": a limit on
	 * sessions and on free ports, as above. */
	P ("too many new tls sessions", TOOMANYCONN),
	NOT ("too many new tls sessions", SPEEDING),
	P ("ports are busy", TOOMANYCONN),
	P ("all ports busy", TOOMANYCONN),
	/* Sendmail's per-host session limit (MaxDaemonChildren per host,
	 * "421 4.4.5 Too many SMTP sessions for this host", daemon.c). */
	P ("too many smtp sessions", TOOMANYCONN),
	/* Postfix anvil's log of the same limit ("New TLS session rate limit
	 * exceeded"), as servers pass it on. */
	P ("session rate limit", TOOMANYCONN),
	NOT ("session rate limit", SPEEDING),

	/* ---- The client IP or host name is refused. ---- */
	/* Greylisting defers the first attempt of a client host the server
	 * has not seen with this sender and recipient: a refusal of the
	 * sending host, not of the message or the recipient.  Sisimai has no
	 * greylisting phrase and decides such replies by their code, and its
	 * table names 4.7.1 (which greylisting servers send) blocked; 4.2.0
	 * and 4.7.0 replies say the same thing and get the same cause. */
	PD ("greylist", BLOCKED, "greylisting: the server defers a first attempt from a host it does not know yet; a retry is accepted"),
	PD ("grey-list", BLOCKED, "greylisting: the server defers a first attempt from a host it does not know yet; a retry is accepted"),
	PD ("graylist", BLOCKED, "greylisting: the server defers a first attempt from a host it does not know yet; a retry is accepted"),
	P ("blocklisted", BLOCKED),
	P ("black listed", BLOCKED),
	P ("blacklist", BLOCKED),
	P ("blocklist", BLOCKED),
	/* "Black list" in other languages (a general-language class: the
	 * words servers of those countries use for a DNS block list). */
	P ("lista negra", BLOCKED),
	P ("liste noire", BLOCKED),
	P ("schwarze liste", BLOCKED),
	P ("sperrliste", BLOCKED),
	P ("zwarte lijst", BLOCKED),
	P ("czarnej li\xc5\x9b" "cie", BLOCKED), /* czarnej liście */
	P ("czarna lista", BLOCKED),
	P ("\xd1\x87\xd0\xb5\xd1\x80\xd0\xbd\xd0\xbe\xd0\xbc \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xba\xd0\xb5", BLOCKED), /* черном списке */
	P ("\xd1\x87\xd1\x91\xd1\x80\xd0\xbd\xd0\xbe\xd0\xbc \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xba\xd0\xb5", BLOCKED), /* чёрном списке */
	P ("\xd1\x87\xd0\xb5\xd1\x80\xd0\xbd\xd1\x8b\xd0\xb9 \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xbe\xd0\xba", BLOCKED), /* черный список */
	P ("\xd1\x87\xd1\x91\xd1\x80\xd0\xbd\xd1\x8b\xd0\xb9 \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xbe\xd0\xba", BLOCKED), /* чёрный список */
	P ("\xc4\x8d" "ern\xc3\xa9 listin\xc4\x9b", BLOCKED), /* černé listině */
	P ("\xc4\x8d" "ern\xc3\xa1 listina", BLOCKED), /* černá listina */
	P ("kara liste", BLOCKED),
	P ("svartlist", BLOCKED),
	/* The same in Swedish, Norwegian, Danish, Finnish, Slovak, Hungarian,
	 * Romanian, Greek, Ukrainian, Bulgarian, Croatian and Serbian, Vietnamese,
	 * Thai, Indonesian and Malay, Arabic, Hebrew, Hindi and Catalan. */
	P ("sp\xc3\xa4rrlist", BLOCKED), /* spärrlist */
	P ("svarteliste", BLOCKED),
	P ("sortliste", BLOCKED),
	P ("estolist", BLOCKED),
	P ("musta lista", BLOCKED),
	P ("mustalla listalla", BLOCKED),
	P ("\xc4\x8diernej listine", BLOCKED), /* čiernej listine */
	P ("\xc4\x8dierna listina", BLOCKED), /* čierna listina */
	P ("feketelist", BLOCKED),
	P ("list\xc4\x83 neagr\xc4\x83", BLOCKED), /* listă neagră */
	P ("lista neagr\xc4\x83", BLOCKED), /* lista neagră */
	P ("lista neagra", BLOCKED),
	P ("listele negre", BLOCKED),
	P ("\xce\xbc\xce\xb1\xcf\x8d\xcf\x81\xce\xb7 \xce\xbb\xce\xaf\xcf\x83\xcf\x84\xce\xb1", BLOCKED), /* μαύρη λίστα */
	P ("\xd1\x87\xd0\xbe\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb3\xd0\xbe \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xba\xd1\x83", BLOCKED), /* чорного списку */
	P ("\xd1\x87\xd0\xbe\xd1\x80\xd0\xbd\xd0\xbe\xd0\xbc\xd1\x83 \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xba\xd1\x83", BLOCKED), /* чорному списку */
	P ("\xd1\x87\xd0\xbe\xd1\x80\xd0\xbd\xd0\xb8\xd0\xb9 \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xbe\xd0\xba", BLOCKED), /* чорний список */
	P ("\xd1\x87\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbd \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd1\x8a\xd0\xba", BLOCKED), /* черен списък */
	P ("\xd1\x87\xd0\xb5\xd1\x80\xd0\xbd\xd0\xb8\xd1\x8f \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd1\x8a\xd0\xba", BLOCKED), /* черния списък */
	P ("crnoj listi", BLOCKED),
	P ("crna lista", BLOCKED),
	P ("crnu listu", BLOCKED),
	P ("\xd1\x86\xd1\x80\xd0\xbd\xd0\xbe\xd1\x98 \xd0\xbb\xd0\xb8\xd1\x81\xd1\x82\xd0\xb8", BLOCKED), /* црној листи */
	P ("\xd1\x86\xd1\x80\xd0\xbd\xd0\xb0 \xd0\xbb\xd0\xb8\xd1\x81\xd1\x82\xd0\xb0", BLOCKED), /* црна листа */
	P ("danh s\xc3\xa1" "ch \xc4\x91" "en", BLOCKED), /* danh sách đen */
	P ("\xe0\xb8\x9a\xe0\xb8\xb1\xe0\xb8\x8d\xe0\xb8\x8a\xe0\xb8\xb5\xe0\xb8\x94\xe0\xb8\xb3", BLOCKED), /* บัญชีดำ */
	P ("daftar hitam", BLOCKED),
	P ("senarai hitam", BLOCKED),
	P ("\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd8\xa6\xd9\x85\xd8\xa9 \xd8\xa7\xd9\x84\xd8\xb3\xd9\x88\xd8\xaf\xd8\xa7\xd8\xa1", BLOCKED), /* القائمة السوداء */
	P ("\xd9\x82\xd8\xa7\xd8\xa6\xd9\x85\xd8\xa9 \xd8\xb3\xd9\x88\xd8\xaf\xd8\xa7\xd8\xa1", BLOCKED), /* قائمة سوداء */
	P ("\xd7\xa8\xd7\xa9\xd7\x99\xd7\x9e\xd7\x94 \xd7\xa9\xd7\x97\xd7\x95\xd7\xa8\xd7\x94", BLOCKED), /* רשימה שחורה */
	P ("\xe0\xa4\xac\xe0\xa5\x8d\xe0\xa4\xb2\xe0\xa5\x88\xe0\xa4\x95\xe0\xa4\xb2\xe0\xa4\xbf\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\x9f", BLOCKED), /* ब्लैकलिस्ट */
	P ("llista negra", BLOCKED),
	P ("\xe3\x83\x96\xe3\x83\xa9\xe3\x83\x83\xe3\x82\xaf\xe3\x83\xaa\xe3\x82\xb9\xe3\x83\x88", BLOCKED), /* ブラックリスト */
	P ("\xeb\xb8\x94\xeb\x9e\x99\xeb\xa6\xac\xec\x8a\xa4\xed\x8a\xb8", BLOCKED), /* 블랙리스트 */
	P ("listed at", BLOCKED),
	P ("listed on", BLOCKED),
	P ("listed in", BLOCKED),
	P ("is listed by", BLOCKED),
	P ("blocked using", BLOCKED),
	/* The sending host named a source of spam (Cloudmark's gateway at
	 * Forpsi: "552 spam source blocked", "your host is a known spam
	 * source"): the host is refused, not the message. */
	P ("spam source", BLOCKED),
	P ("source of spam", BLOCKED),
	NOT ("spam source", SPAMDETECTED),
	NOT ("source of spam", SPAMDETECTED),
	/* The same said of the address or of what the host has been doing
	 * (Hornetsecurity's code table: the RBL stage refuses with "554 5.5.4
	 * Spam IP rejected"; Trend Micro Email Security, KB 1097373: "Mail
	 * blocked due to possible spamming activity", the sending server
	 * kept sending spam). */
	P ("spam ip", BLOCKED),
	NOT ("spam ip", SPAMDETECTED),
	P ("spamming activity", BLOCKED),
	NOT ("spamming activity", SPAMDETECTED),
	/* Andrews & Arnold's "CA2 ... is blocked from sending. Probably due
	 * to sending spam messages": what the host has been sending, not
	 * this message. */
	P ("blocked from sending", BLOCKED),
	P ("due to sending spam", BLOCKED),
	P ("for sending spam", BLOCKED),
	/* The same of what the host did, in other words and languages
	 * ("Your IP address ... is blocked: it has been sending spam", "Ihre
	 * IP-Adresse wurde gesperrt, weil von ihr Spam versendet wurde",
	 * "bloquée car elle a envoyé du spam", "заблокирован за рассылку
	 * спама", 因发送垃圾邮件). */
	P ("has been sending spam", BLOCKED),
	NOT ("has been sending spam", SPAMDETECTED),
	P ("because it sent spam", BLOCKED),
	NOT ("because it sent spam", SPAMDETECTED),
	P ("it sent spam", BLOCKED),
	NOT ("it sent spam", SPAMDETECTED),
	P ("spam versendet", BLOCKED),
	NOT ("spam versendet", SPAMDETECTED),
	P ("envoy\xc3\xa9 du spam", BLOCKED),
	NOT ("envoy\xc3\xa9 du spam", SPAMDETECTED),
	P ("\xd1\x80\xd0\xb0\xd1\x81\xd1\x81\xd1\x8b\xd0\xbb\xd0\xba\xd1\x83 \xd1\x81\xd0\xbf\xd0\xb0\xd0\xbc\xd0\xb0", BLOCKED),
	NOT ("\xd1\x80\xd0\xb0\xd1\x81\xd1\x81\xd1\x8b\xd0\xbb\xd0\xba\xd1\x83 \xd1\x81\xd0\xbf\xd0\xb0\xd0\xbc\xd0\xb0", SPAMDETECTED),
	P ("\xe5\x9b\xa0\xe5\x8f\x91\xe9\x80\x81\xe5\x9e\x83\xe5\x9c\xbe\xe9\x82\xae\xe4\xbb\xb6", BLOCKED),
	NOT ("\xe5\x9b\xa0\xe5\x8f\x91\xe9\x80\x81\xe5\x9e\x83\xe5\x9c\xbe\xe9\x82\xae\xe4\xbb\xb6", SPAMDETECTED),
	NOT ("due to sending spam", SPAMDETECTED),
	NOT ("for sending spam", SPAMDETECTED),
	P ("spamhaus", BLOCKED),
	P ("spamcop", BLOCKED),
	P ("sorbs", BLOCKED),
	P ("barracuda", BLOCKED),
	P ("dnsbl", BLOCKED),
	P ("rbl", BLOCKED),
	P ("client host rejected", BLOCKED),
	P ("client host blocked", BLOCKED),
	P ("client ip", BLOCKED),
	P ("host blocked", BLOCKED),
	P ("ip blocked", BLOCKED),
	P ("blocked ip", BLOCKED),
	P ("ip address blocked", BLOCKED),
	P ("banned sending ip", BLOCKED),
	P ("access denied, banned", BLOCKED),
	P ("refused to talk to me", BLOCKED),
	P ("not accepting connections", BLOCKED),
	P ("may not be mail exchanger", BLOCKED),
	P ("dynamic ip", BLOCKED),
	P ("dynamic address", BLOCKED),
	P ("dial-up", BLOCKED),
	P ("dialup", BLOCKED),
	P ("residential ip", BLOCKED),
	P ("generic rdns", BLOCKED),
	P ("blocked for abuse", BLOCKED),
	P ("block list", BLOCKED),
	P ("use the smtp server of your isp", BLOCKED),
	P ("invalid ip for sending mail", BLOCKED),
	/* Postfix drops a client that made too many errors (its
	 * smtpd_hard_error_limit): the client is refused, not a message. */
	PD ("error: too many errors", BLOCKED,
	    "the server dropped the sending client after too many errors in the session"),
	NOT ("address that has been blacklisted", BLOCKED),
	NOT ("blacklisted url", BLOCKED),
	NOT ("blacklisted link", BLOCKED),
	P ("bad reputation", BADREPUTATION),
	/* The default text of Postfix's and Sendmail's access maps and of
	 * many filters for any refusal (smtpd_check.c, proto.m4): it names
	 * no cause, so it decides only when nothing else does, and a reason
	 * after it says what was denied. */
	WRAPPER_SRC ("access denied", BLOCKED, "the server refused the client, with no reason given",
	             "Postfix src/smtpd/smtpd_check.c (\"Access denied\"), Sendmail cf/m4/proto.m4"),
	/* ... but "access denied for unknown[192.0.2.1]" (Postfix smtpd.c's
	 * "503 5.7.0 Error: access denied for %s") names the client. */
	P ("access denied for", BLOCKED),
	P ("service refuse", BLOCKED),
	P ("suspected bounce attacks", BLOCKED),
	P ("suspected spam ip", BLOCKED),
	P ("connection denied", BLOCKED),
	P ("adresse ip source bloquee", BLOCKED),
	/* IP被列入黑名单, 黑名单, 被封 */
	P ("\xe9\xbb\x91\xe5\x90\x8d\xe5\x8d\x95", BLOCKED),
	P ("\xe9\xbb\x91\xe5\x90\x8d\xe5\x96\xae", BLOCKED),
	/* Names that mention "listed in" but speak of a recipient list. */
	NOT ("not listed in domino directory", BLOCKED),
	NOT ("not listed in public name", BLOCKED),
	NOT ("recipient address rejected: access denied", BLOCKED),
	NOT ("listed in the domain's", BLOCKED),

	/* ---- Viruses. ---- */
	P ("virus", VIRUSDETECTED),
	P ("wirus", VIRUSDETECTED),
	P ("malware", VIRUSDETECTED),
	/* Scanners' words for what they found (rspamd lua_scanners: ICAP
	 * "threat found"; Kaspersky's "malicious code"; German "Virenfund"). */
	P ("malicious code", VIRUSDETECTED),
	P ("threat found", VIRUSDETECTED),
	P ("virenfund", VIRUSDETECTED),
	P ("infected", VIRUSDETECTED),
	P ("trojan", VIRUSDETECTED),
	P ("\xe7\x97\x85\xe6\xaf\x92", VIRUSDETECTED), /* 病毒 */
	P ("\xd0\xb2\xd0\xb8\xd1\x80\xd1\x83\xd1\x81", VIRUSDETECTED), /* вирус (Russian: virus) */
	P ("\xe3\x82\xa6\xe3\x82\xa4\xe3\x83\xab\xe3\x82\xb9", VIRUSDETECTED), /* ウイルス */
	/* A virus in other languages (a general-language class): Turkish only
	 * as found or contained ("virüs taraması" is the scan, which passes
	 * mail too); Slovak, Hungarian and Portuguese vírus, Ukrainian, Greek
	 * (whole words: the noun is short), Arabic, Hebrew, Hindi, Korean, Thai. */
	P ("vir\xc3\xbcs bulundu", VIRUSDETECTED), /* virüs bulundu */
	P ("vir\xc3\xbcs tespit", VIRUSDETECTED), /* virüs tespit */
	P ("vir\xc3\xbcs i\xc3\xa7" "er", VIRUSDETECTED), /* virüs içer */
	P ("vir\xc3\xbcsl\xc3\xbc", VIRUSDETECTED), /* virüslü */
	P ("v\xc3\xadrus", VIRUSDETECTED), /* vírus */
	P ("\xd0\xb2\xd1\x96\xd1\x80\xd1\x83\xd1\x81", VIRUSDETECTED), /* вірус */
	WORD ("\xce\xb9\xcf\x8c\xcf\x82", VIRUSDETECTED), /* ιός */
	WORD ("\xce\xb9\xcf\x8c", VIRUSDETECTED), /* ιό */
	WORD ("\xce\xb9\xce\xbf\xcf\x8d", VIRUSDETECTED), /* ιού */
	P ("\xd9\x81\xd9\x8a\xd8\xb1\xd9\x88\xd8\xb3", VIRUSDETECTED), /* فيروس */
	P ("\xd7\x95\xd7\x99\xd7\xa8\xd7\x95\xd7\xa1", VIRUSDETECTED), /* וירוס */
	P ("\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\xaf\xe0\xa4\xb0\xe0\xa4\xb8", VIRUSDETECTED), /* वायरस */
	P ("\xeb\xb0\x94\xec\x9d\xb4\xeb\x9f\xac\xec\x8a\xa4", VIRUSDETECTED), /* 바이러스 */
	P ("\xe0\xb9\x84\xe0\xb8\xa7\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\xaa", VIRUSDETECTED), /* ไวรัส */

	/* ---- Local policy. ---- */
	P ("policy violation", POLICYVIOLATION),
	P ("policy reasons", POLICYVIOLATION),
	/* A server's own refusal of the connection, by its policy ("554
	 * Connection refused by policy", "Connection from 192.0.2.1 refused
	 * by policy"): the client is refused, not a message judged; a
	 * connection that could not be made says "refused" alone. */
	P ("connection refused by policy", BLOCKED),
	P ("connection from * refused", BLOCKED),
	P ("denied by policy", POLICYVIOLATION),
	P ("rejected by policy", POLICYVIOLATION),
	P ("violates policy", POLICYVIOLATION),
	P ("protocol violation", POLICYVIOLATION),
	P ("local policy", POLICYVIOLATION),
	P ("content presents a potential", POLICYVIOLATION),
	P ("prohibited attachment", POLICYVIOLATION),
	P ("attachment type", POLICYVIOLATION),
	P ("executable attachment", POLICYVIOLATION),
	P ("not accepted for policy reasons", POLICYVIOLATION),
	P ("the message was rejected by organization policy", POLICYVIOLATION),
	P ("host network not allowed", POLICYVIOLATION),
	/* Spanish, Italian, French, German: "local policy". */
	P ("pol\xc3\xadtica local", POLICYVIOLATION),
	P ("politica local", POLICYVIOLATION),
	P ("politica locale", POLICYVIOLATION),
	P ("politique locale", POLICYVIOLATION),
	P ("lokale richtlinie", POLICYVIOLATION),
	P ("lokalen richtlinie", POLICYVIOLATION),
	P ("lokaler richtlinie", POLICYVIOLATION),

	/* ---- The remote system failed. ---- */
	P ("internal system error", SYSTEMERROR),
	/* The receiving system's own state, in its own words: Postfix
	 * postscreen.c ("No system resources"), local/mailbox.c ("is not a
	 * regular file", "is not owned by recipient", "table lookup failure"),
	 * local/dotforward.c ("user lookup error"), local/bounce_workaround.c
	 * ("alias database unavailable"), global/deliver_pass.c ("mail
	 * transport unavailable"); qmail-smtpd.c ("unable to read controls");
	 * Courier cdfilters.C ("Mail filters temporarily unavailable"); maddy
	 * ("High load, try again later"). */
	P ("no system resources", SYSTEMERROR),
	P ("is not a regular file", SYSTEMERROR),
	P ("is not owned by recipient", SYSTEMERROR),
	P ("table lookup failure", SYSTEMERROR),
	P ("user lookup error", SYSTEMERROR),
	P ("alias database unavailable", SYSTEMERROR),
	P ("mail transport unavailable", SYSTEMERROR),
	P ("unable to read controls", SYSTEMERROR),
	P ("filters temporarily unavailable", SYSTEMERROR),
	P ("high load", SYSTEMERROR),
	/* The host's configuration refuses a delivery an alias asks for
	 * (parsers/README.md: systemerror): Exim deliver.c ("delivery to
	 * pipe forbidden", "delivery to file forbidden"), Sendmail
	 * recipient.c ("is unsafe for mailing to programs"). */
	P ("delivery to pipe forbidden", SYSTEMERROR),
	P ("delivery to file forbidden", SYSTEMERROR),
	P ("unsafe for mailing to programs", SYSTEMERROR),
	P ("internal server error", SYSTEMERROR),
	P ("error interno del servidor", SYSTEMERROR),
	P ("errore interno del server", SYSTEMERROR),
	P ("erro interno do servidor", SYSTEMERROR),
	P ("erreur interne du serveur", SYSTEMERROR),
	P ("interner serverfehler", SYSTEMERROR),
	P ("internal error", SYSTEMERROR),
	P ("system error", SYSTEMERROR),
	P ("server error", SYSTEMERROR),
	P ("system config error", SYSTEMERROR),
	P ("local configuration error", SYSTEMERROR),
	P ("mail system configuration error", SYSTEMERROR),
	P ("service currently unavailable", SYSTEMERROR),
	/* "Service unavailable" and "Service not available" are not here: they
	 * are RFC 5321's stock texts for 554 and 421 (section 4.2.3) and the
	 * lead-in of Postfix's block list reply ("Service unavailable; Client host
	 * [...] blocked using ...", smtpd_check.c), so they say nothing of the
	 * cause; the code, the command and the words after them decide. */
	/* The receiving server's own failure, in its own words: Postfix
	 * src/smtpd/smtpd.c "421 4.3.0 %s Server local data error",
	 * smtpd_check.c "<%s>: Temporary lookup failure" (a table it could
	 * not read), Exim smtp_in.c "Temporary local problem - please try
	 * later" and "Too much load; please try again later" (the load
	 * average over smtp_load_reserve), Gmail's "Temporary System
	 * Problem", qmail-smtpd "out of memory (#4.3.0)". */
	P ("local data error", SYSTEMERROR),
	P ("temporary lookup failure", SYSTEMERROR),
	P ("temporary local problem", SYSTEMERROR),
	P ("too much load", SYSTEMERROR),
	P ("load average too high", SYSTEMERROR),
	P ("temporary system problem", SYSTEMERROR),
	P ("out of memory", SYSTEMERROR),
	P ("systemfehler", SYSTEMERROR),
	P ("too many hops", NETWORKERROR),
	/* A loop to the host itself (Exim rf_self_action.c "lowest numbered
	 * MX record points to local host", as Postfix's "loops back to
	 * myself"); a lookup of the domain's mail hosts that failed for now
	 * (Sendmail proto.m4 "Can not check MX records", Haraka hmail.js
	 * "Temporary MX lookup error"). */
	P ("mx record points to local host", NETWORKERROR),
	P ("can not check mx records", NETWORKERROR),
	P ("mx lookup error", NETWORKERROR),
	/* Mailing-list managers (fml) refuse a Message-ID they have already
	 * distributed: it breaks mail loops. */
	PD ("duplicated message-id", SYSTEMERROR,
	    "the mailing list refused a Message-ID it had already distributed, to stop a mail loop"),
	P ("mail loop", NETWORKERROR),
	P ("loop detected", NETWORKERROR),
	P ("routing loop", NETWORKERROR),
	P ("timeout waiting for input", SYSTEMERROR),
	P ("server configuration problem", SYSTEMERROR),
	P ("error in processing", SYSTEMERROR),
	P ("resources temporarily unavailable", SYSTEMERROR),
	P ("does not support tls", SYSTEMERROR),
	/* 系统错误, 系統錯誤, 内部错误 */
	P ("\xe7\xb3\xbb\xe7\xbb\x9f\xe9\x94\x99\xe8\xaf\xaf", SYSTEMERROR),
	P ("\xe7\xb3\xbb\xe7\xb5\xb1\xe9\x8c\xaf\xe8\xaa\xa4", SYSTEMERROR),

	/* ---- The remote disk is full. ---- */
	P ("insufficient disk space", SYSTEMFULL),
	P ("insufficient system storage", SYSTEMFULL),
	P ("mail system full", SYSTEMFULL),
	P ("system storage exceeded", SYSTEMFULL),
	P ("disk full", SYSTEMFULL),
	P ("disk is full", SYSTEMFULL),
	P ("out of disk space", SYSTEMFULL),
	P ("no space left on device", SYSTEMFULL),

	/* ---- The domain accepts no mail. ---- */
	P ("null mx", NOTACCEPT),
	/* Courier libesmtp.C (RFC1035_MX_NONE: "Domain does not receive
	 * mail."). */
	P ("domain does not receive mail", NOTACCEPT),
	P ("no mx found", NOTACCEPT),
	P ("does not accept mail", NOTACCEPT),
	P ("doesn't receive email", NOTACCEPT),
	P ("does not receive email", NOTACCEPT),
	P ("accepts no mail", NOTACCEPT),
	/* No MX and no address record (RFC 5321 section 5.1: no implicit
	 * MX either): the domain exists but names no mail host, so it
	 * receives no mail, which RFC 7505's null MX says explicitly. */
	P ("no mx record", NOTACCEPT),
	P ("no mx or a record", NOTACCEPT),
	P ("no mx and no a record", NOTACCEPT),
	/* The same absence, and RFC 7505's null MX, in other languages. */
	P ("mx nulo", NOTACCEPT),
	P ("mx nullo", NOTACCEPT),
	P ("mx nul", NOTACCEPT),
	P ("nessun record mx", NOTACCEPT),
	P ("geen mx record", NOTACCEPT),
	P ("ning\xc3\xban registro mx", NOTACCEPT),
	P ("nenhum registro mx", NOTACCEPT),
	P ("aucun enregistrement mx", NOTACCEPT),
	P ("kein mx", NOTACCEPT),
	P ("brak rekordu mx", NOTACCEPT),
	P ("not accepting mail", NOTACCEPT),
	/* "... is not accepting mail from this sender" (AOL Help: the
	 * recipient's own block list): the sender is refused, not all mail. */
	NOT ("not accepting mail from", NOTACCEPT),
	P ("not accepting mail from this sender", REJECTED),
	P ("not accepting mail from your address", REJECTED),
	SRC ("querymx enodata", NOTACCEPT, "the domain exists but has no MX record, so it names no mail server",
	     NODE_SOURCE " (c-ares ENODATA for an MX query)"),
	SRC ("indicated with single dot for mx record", NOTACCEPT,
	     "the domain publishes a null MX (RFC 7505): it accepts no mail",
	     "Mox smtpclient/gather.go (errNoMail \"domain does not accept email as indicated with single dot for mx record\")"),
	/* c-ares ENODATA in mx-connect's words (ZoneMTA, WildDuck): the MX,
	 * A and AAAA lookups of the domain all answered with no record. */
	SRC ("returned answer with no data", NOTACCEPT,
	     "the domain exists but the DNS names no mail server or address for it",
	     "zone-eu/mx-connect lib/dns-errors.js (ENODATA: \"DNS server returned answer with no data\"), "
	     "lib/resolve-mx.js"),
	SRC ("nowhere to deliver mail to for domain", NOTACCEPT,
	     "Haraka: the domain's MX lookup found no mail server",
	     "Haraka outbound/hmail.js (get_mx_respond: \"Nowhere to deliver mail to for domain: %s\")"),
	/* qmail: the name exists but has neither MX nor address records
	 * (#5.4.4); a name that does not exist is "couldn't find any host". */
	PD ("couldn't find a mail exchanger or ip address", NOTACCEPT,
	    "qmail: the domain exists but names no mail server, so it accepts no mail"),

	/* ---- Vocabulary decisions with a primary source (parsers/README.md). ---- */
	SRC ("null mx", NOTACCEPT, "the domain publishes a null MX (RFC 7505): it accepts no mail",
	     "RFC 7505 section 3"),
	/* sysexits.h EX_NOPERM, as local delivery agents word it: the local
	 * system's permissions stopped delivery, not a broken program. */
	SRC ("insufficient permission", SYSTEMERROR,
	     "the local delivery agent lacked the permission to deliver (EX_NOPERM)",
	     "sysexits.h EX_NOPERM; procmail's LMTP replies (\"550 5.0.0 insufficient permission\")"),
#define BV_WORDING(sys, phrase, cause, detail, source) { phrase, BV_CAUSE_##cause, 0, detail, source },
#include "parsers/knowledge/wordings.def"
#undef BV_WORDING

	/* ---- DNS or network trouble on the way. ---- */
	P ("dns query failed", NETWORKERROR),
	/* Temporary failures of the DNS, not a name that does not exist:
	 * Exim src/src/transports/smtp.c "all host address lookups failed
	 * temporarily", Sendmail's "Name server timeout" (domain.c, TRY_AGAIN),
	 * "Temporary DNS failure". */
	P ("lookups failed temporarily", NETWORKERROR),
	P ("name server timeout", NETWORKERROR),
	P ("temporary dns failure", NETWORKERROR),
	/* qmail's chkuser ("451 4.4.0 DNS temporary failure (chkuser)"). */
	P ("dns temporary failure", NETWORKERROR),
	/* hMailServer ExternalDelivery.cpp ("Unable to find the recipient's
	 * email server. The DNS query has failed."). */
	P ("dns query has failed", NETWORKERROR),
	P ("name service error", NETWORKERROR),
	P ("malformed or unexpected name server reply", NETWORKERROR),
	/* A session that broke off after the connection was made (Postfix
	 * src/smtp/smtp_chat.c "lost connection with %s while %s") is a
	 * network error, not a connection that could not be made: it stays
	 * one whatever the report kind. */
	P ("lost connection", NETWORKERROR),

	/* A connection that could not be made or broke off, in the words of
	 * the runtime of the sending system (parsers/README.md, vocabulary
	 * decisions: networkerror, expired when the sender gave up). */
	CONN ("connection refused", STRERROR_SOURCE "; Sendmail sendmail/err.c (\"Connection refused by %s\"); "
	      "Java java.net.ConnectException"),
	CONN_WORD ("econnrefused", NODE_SOURCE),
	CONN ("actively refused it", WINSOCK_SOURCE " (WSAECONNREFUSED 10061)"),
	/* OpenSMTPD's own sentence when every connection to the destination's
	 * mail servers failed: a failed connection like the ones above, so an
	 * expired message once it was retried until given up. */
	CONN ("network error on destination mxs",
	      "OpenSMTPD usr.sbin/smtpd/mta.c mta_on_source (CONNECTOR_ERROR_ROUTE_NET)"),
	CONN ("connectexception", "Java java.net.ConnectException (src/java.base/share/classes/java/net/ConnectException.java)"),
	CONN ("connection reset", STRERROR_SOURCE "; Sendmail sendmail/err.c (\"Connection reset by %s\")"),
	CONN_WORD ("econnreset", NODE_SOURCE),
	CONN ("forcibly closed by the remote host", WINSOCK_SOURCE " (WSAECONNRESET 10054)"),
	CONN ("network is unreachable", STRERROR_SOURCE),
	CONN ("no route to host", STRERROR_SOURCE),
	CONN_WORD ("enetunreach", NODE_SOURCE),
	CONN_WORD ("ehostunreach", NODE_SOURCE),
	CONN ("noroutetohostexception", "Java java.net.NoRouteToHostException"),
	CONN ("attempted to an unreachable", WINSOCK_SOURCE " (WSAENETUNREACH 10051, WSAEHOSTUNREACH 10065)"),
	CONN ("host is unreachable", "musl src/errno/__strerror.h (EHOSTUNREACH \"Host is unreachable\"); Java "
	      "java.net.NoRouteToHostException"),
	CONN ("host unreachable", "RFC 792 (ICMP destination unreachable, code 1: host unreachable)"),
	CONN ("unreachable host", "RFC 792 (ICMP destination unreachable, code 1: host unreachable)"),
	CONN ("network unreachable", "musl src/errno/__strerror.h (ENETUNREACH \"Network unreachable\"); RFC 792 "
	      "(ICMP destination unreachable, code 0)"),
	CONN_WORD ("host is down", STRERROR_SOURCE " (EHOSTDOWN)"),
	CONN ("host * is down", "Sendmail sendmail/err.c (\"Host %s is down\")"),
	CONN ("connection timed out", STRERROR_SOURCE "; Sendmail sendmail/err.c (\"Connection timed out with %s during %s\")"),
	CONN ("timed out", "Postfix src/smtp/smtp_proto.c (\"conversation with %s timed out while %s\"); Java "
	      "java.net.SocketTimeoutException (\"connect timed out\", \"Read timed out\")"),
	/* Head word: a timeout, however joined ("Connection_Timeout",
	 * "session timeout", Go's "i/o timeout"). */
	CONN_WORD ("timeout", GO_NET_SOURCE),
	CONN_WORD ("etimedout", NODE_SOURCE),
	CONN ("did not properly respond after a period of time", WINSOCK_SOURCE " (WSAETIMEDOUT 10060)"),
	/* Exchange's own delay and failure text when no host of the
	 * destination took the connection: "451 4.4.0 Primary target IP
	 * address responded with: \"421 4.4.2 Unable to connect.\" Attempted
	 * failover to alternate host, but that did not succeed." */
	CONN ("unable to connect", "Microsoft Exchange Server (SMTP send connector: \"421 4.4.2 Unable to "
	                           "connect\"); Microsoft Support KB 979175"),
	CONN ("attempted failover to alternate host", "Microsoft Exchange Server (\"Attempted failover to alternate "
	                                              "host, but that did not succeed\"); Microsoft Support KB 979175"),
	CONN ("tried all mxs", "Haraka outbound/hmail.js (try_deliver: \"Tried all MXs\" when no mail server could be reached)"),
	CONN ("no usable mxs", "maddy internal/target/remote/connect.go (\"No usable MXs, last err: %s\")"),
	CONN ("no smtp servers were available", "Postal app/senders/smtp_sender.rb (\"No SMTP servers were available for %s.\")"),
	CONN ("connect failed", "nullmailer protocols/protocol.cc (protocol_fail \"Connect failed\" when "
	      "lib/tcpconnect.cc could not reach the relay: refused, timed out, unreachable, its name not found); "
	      "src/send.cc bounces it as \"SMTP; Connect failed\", Status 5.0.0, once queuelifetime is over"),

	/* The DNS failed for now: a temporary failure is no unknown host. */
	SRC ("temporary failure in name resolution", NETWORKERROR, "the DNS lookup failed for now (EAI_AGAIN)",
	     "glibc sysdeps/posix/gai_strerror-strs.h and musl src/network/gai_strerror.c (EAI_AGAIN)"),
	NOT ("temporary failure in name resolution", HOSTUNKNOWN),
	SRC ("non recoverable failure in name resolution", NETWORKERROR, "the DNS lookup failed (EAI_FAIL)",
	     "glibc sysdeps/posix/gai_strerror-strs.h and musl src/network/gai_strerror.c (EAI_FAIL)"),
	SRC ("temporary error during hostname resolution", NETWORKERROR, "the DNS lookup failed for now",
	     WINSOCK_SOURCE " (WSATRY_AGAIN 11002)"),
	NOT ("temporary error during hostname resolution", HOSTUNKNOWN),
	SRC ("eai again", NETWORKERROR, "the DNS lookup failed for now (getaddrinfo EAI_AGAIN)", NODE_SOURCE),
	NOT ("eai again", HOSTUNKNOWN),
	WORD_SRC ("servfail", NETWORKERROR, "the name server failed to answer (SERVFAIL, RFC 1035 section 4.1.1)",
	          "RFC 1035 section 4.1.1 (RCODE 2, server failure)"),
	WORD_SRC ("eservfail", NETWORKERROR, "the name server failed to answer (c-ares ESERVFAIL)", NODE_SOURCE),
	SRC ("querymx etimeout", NETWORKERROR, "the DNS lookup of the domain's mail servers timed out", NODE_SOURCE),
	SRC ("server misbehaving", NETWORKERROR, "the name server failed to answer (SERVFAIL or a bad reply)",
	     "Go src/net/dnsclient_unix.go (errServerMisbehaving \"server misbehaving\")"),
	SRC ("no answer from dns server", NETWORKERROR, "no name server answered",
	     "Go src/net/dnsclient_unix.go (errNoAnswerFromDNSServer)"),
	SRC ("all nameservers failed to answer", NETWORKERROR, "no name server answered",
	     "dnspython dns/resolver.py (NoNameservers: \"All nameservers failed to answer the query\")"),
	SRC ("the resolution lifetime expired", NETWORKERROR, "the DNS lookup timed out",
	     "dnspython dns/resolver.py (LifetimeTimeout)"),
	SRC ("cname lookup failed temporarily", NETWORKERROR, "qmail: the DNS lookup failed for now (#4.4.3)",
	     "qmail qmail-remote.c temp_dnscanon (\"CNAME lookup failed temporarily. (#4.4.3)\")"),
	P ("had no relevant answers", NETWORKERROR),
	P ("dns lookup failure", NETWORKERROR),
	SRC ("dns lookup failed", NETWORKERROR, "the DNS lookup failed",
	     "Stalwart crates/smtp/src/queue/mod.rs (\"DNS lookup failed: %s\"); a name that does not exist is "
	     "\"Domain not found\" after it (crates/smtp/src/outbound/mod.rs)"),
	SRC ("dns lookup error", NETWORKERROR, "the DNS lookup failed, other than for a name that does not exist",
	     "Mox smtpclient/gather.go (errDNS \"dns lookup error\", not used for a name that does not exist)"),
	SRC ("temporary problem looking up mail server", NETWORKERROR,
	     "Apache James: the DNS lookup of the domain's mail servers failed for now",
	     "Apache James server/mailet/mailets/.../remote/delivery/MailDelivrer.java (TemporaryResolutionException: "
	     "\"Temporary problem looking up mail server for host: %s\")"),
	P ("temporary lookup failure", NETWORKERROR),
	P ("unable to resolve", NETWORKERROR),
	P ("dns error", NETWORKERROR),
	P ("tls handshake", NETWORKERROR),
	P ("able to establish an smtp connection", NETWORKERROR),
	P ("host name lookup failure", NETWORKERROR),
	P ("mail forwarding loop", NETWORKERROR),

	/* ---- Given up after retries. ---- */
	WRAPPER ("message expired", EXPIRED),
	WRAPPER ("envelope expired", EXPIRED),
	WRAPPER ("have been failing for a long time", EXPIRED),
	WRAPPER ("retry time not reached", EXPIRED),
	WRAPPER ("retry timeout exceeded", EXPIRED),
	WRAPPER ("delivery time expired", EXPIRED),
	/* "Timeout" in other languages. */
	P ("zeit\xc3\xbc" "berschreitung", EXPIRED), /* zeitüberschreitung */
	/* qmail-send.c, after queuelifetime: "I'm not going to try again;
	 * this message has been in the queue too long.", after the reason of
	 * the last attempt, which says more when there is one. */
	WRAPPER ("in the queue too long", EXPIRED),
	P ("d\xc3\xa9lai d'attente", EXPIRED), /* délai d'attente */
	P ("d\xc3\xa9lai de connexion expir\xc3\xa9", EXPIRED), /* délai de connexion expiré */
	P ("tiempo de espera agotado", EXPIRED),
	P ("tiempo de espera excedido", EXPIRED),
	P ("tempo limite esgotado", EXPIRED),
	P ("tempo esgotado", EXPIRED),
	P ("tempo scaduto", EXPIRED),
	P ("przekroczono czas", EXPIRED),
	P ("limit czasu", EXPIRED),
	P ("\xd0\xbf\xd1\x80\xd0\xb5\xd0\xb2\xd1\x8b\xd1\x88\xd0\xb5\xd0\xbd\xd0\xbe \xd0\xb2\xd1\x80\xd0\xb5\xd0\xbc\xd1\x8f \xd0\xbe\xd0\xb6\xd0\xb8\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x8f", EXPIRED), /* превышено время ожидания */
	P ("\xd0\xb2\xd1\x80\xd0\xb5\xd0\xbc\xd1\x8f \xd0\xbe\xd0\xb6\xd0\xb8\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x8f \xd0\xb8\xd1\x81\xd1\x82\xd0\xb5\xd0\xba\xd0\xbb\xd0\xbe", EXPIRED), /* время ожидания истекло */
	P ("\xd1\x82\xd0\xb0\xd0\xb9\xd0\xbc \xd0\xb0\xd1\x83\xd1\x82", EXPIRED), /* тайм аут */
	P ("\xd1\x82\xd0\xb0\xd0\xb9\xd0\xbc\xd0\xb0\xd1\x83\xd1\x82", EXPIRED), /* таймаут */
	P ("vypr\xc5\xa1" "el \xc4\x8d" "asov\xc3\xbd limit", EXPIRED), /* vypršel časový limit */
	P ("\xc4\x8d" "asov\xc3\xbd limit vypr\xc5\xa1" "el", EXPIRED), /* časový limit vypršel */
	P ("zaman a\xc5\x9f\xc4\xb1m\xc4\xb1", EXPIRED), /* zaman aşımı */
	P ("tidsgr\xc3\xa4nsen", EXPIRED), /* tidsgränsen */
	P ("\xe8\xb6\x85\xe6\x97\xb6", EXPIRED), /* 超时 */
	P ("\xe8\xb6\x85\xe6\x99\x82", EXPIRED), /* 超時 */
	P ("\xe9\x80\xbe\xe6\x99\x82", EXPIRED), /* 逾時 */
	P ("\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\xa0\xe3\x82\xa2\xe3\x82\xa6\xe3\x83\x88", EXPIRED), /* タイムアウト */
	P ("\xec\x8b\x9c\xea\xb0\x84 \xec\xb4\x88\xea\xb3\xbc", EXPIRED), /* 시간 초과 */
	P ("time-out", EXPIRED),
	P ("queue.expired", EXPIRED),
	P ("has been delayed", EXPIRED),
	WRAPPER ("could not be delivered for", EXPIRED),
	WRAPPER ("too long in queue", EXPIRED),
	P ("delivery attempts will continue", EXPIRED),
	WRAPPER ("unable to deliver for", EXPIRED),
	P ("did not accept our requests to connect", EXPIRED),
	P ("remote host is not responding", EXPIRED),
	WRAPPER ("was not delivered within", EXPIRED),
	P ("server did not respond", EXPIRED),
	WRAPPER ("giving up", EXPIRED),
	/* The give-up sentences of the sending systems written in Go and
	 * JavaScript: the reply they quote decides when it names a cause. */
	WRAPPER_SRC ("too many failures (", EXPIRED, "Haraka gave up after its retries",
	             "Haraka outbound/hmail.js (temp_fail: \"Too many failures (%s)\" when the retries ran out)"),
	WRAPPER_SRC ("maximum number of delivery attempts", EXPIRED, "Postal gave up after its delivery attempts",
	             "Postal app/lib/message_dequeuer/single_message_processor.rb (\"Maximum number of delivery attempts "
	             "(%d) has been reached.\")"),
	WRAPPER_SRC ("returned transient failures", EXPIRED, "chasquid: every mail server failed for now, until the message timed out",
	             "chasquid internal/courier/smtp.go (\"all MXs returned transient failures (last: %v)\")"),
	P ("hop count exceeded", NETWORKERROR),
	/* A failure notice (not a delay) for a host that stayed unreachable:
	 * the message expired in the queue. */
	PD ("host not reachable", EXPIRED,
	    "the receiving host stayed unreachable until the message expired in the queue"),

	/* ---- Authentication or encryption required. ---- */
	P ("authentication required", SECURITYERROR),
	/* TLS or a login required or failed: Postfix smtpd_check.c
	 * reject_plaintext_session ("Session encryption is required"), maddy
	 * ("TLS conversation required", "TLS is required but unavailable or
	 * failed"), Sendmail deliver.c ("TLS session initiation failed"),
	 * chasquid ("must be authenticated", "Security level check failed"). */
	P ("encryption is required", SECURITYERROR),
	P ("tls conversation required", SECURITYERROR),
	P ("tls is required", SECURITYERROR),
	P ("tls session initiation failed", SECURITYERROR),
	P ("must be authenticated", SECURITYERROR),
	P ("security level check failed", SECURITYERROR),
	P ("authentication is required", SECURITYERROR),
	P ("authrequired", SECURITYERROR),
	P ("unauthenticated senders not allowed", SECURITYERROR),
	P ("must authenticate", SECURITYERROR),
	P ("authentication failed", SECURITYERROR),
	/* RFC 4954 section 6: the client's login refused, in a server's
	 * shorter words ("SMTP AUTH failed: invalid login"). */
	P ("smtp auth failed", SECURITYERROR),
	P ("invalid login", SECURITYERROR),
	P ("encryption required", SECURITYERROR),
	/* Exim src/src/transports/smtp.c: "a TLS session is required, but
	 * %s" (hosts_require_tls): the session could not be encrypted as
	 * the sender's policy requires. */
	P ("tls session is required", SECURITYERROR),
	P ("tls session required", SECURITYERROR),
	P ("starttls is required", SECURITYERROR),
	P ("must issue a starttls", SECURITYERROR),
	P ("authentification requise", SECURITYERROR),
	P ("code d'authentification invalide", SECURITYERROR),
	P ("code d\"authentification invalide", SECURITYERROR),

	/* ---- A local delivery program failed. ---- */
	P ("mailer error", MAILERERROR),
	P ("pipe to |", MAILERERROR),
	P ("procmail", MAILERERROR),
	P ("x-unix;", MAILERERROR),
	P ("command died with status", MAILERERROR),
	/* Postfix src/global/pipe_command.c: "Command died with signal %d":
	 * the program crashed; its path names no cause ("mailfilter"). */
	P ("command died with signal", MAILERERROR),
	P ("command output:", MAILERERROR),
	P ("local delivery failed", MAILERERROR),
	P ("child process", MAILERERROR),
	/* A recipient that is a program, as Sendmail quotes it: "|command". */
	PD ("\"|", MAILERERROR, "the recipient is a program (\"|command\") that failed to take the message"),
	/* An errno text: a local delivery program could not open a file. */
	PD ("no such file or directory", MAILERERROR,
	    "the local delivery program could not find a file it needs"),
	/* Sendmail's words for a mailer that exited with EX_OSERR. */
	PD ("operating system error", MAILERERROR,
	    "the local delivery program exited with an operating system error (EX_OSERR)"),

	/* ---- Bad SMTP commands. ---- */
	P ("syntax error", SYNTAXERROR),
	/* A server that closes the session after too many bad commands
	 * (Sendmail srvrsmtp.c MAXBADCOMMANDS "Too many bad commands"; Exim
	 * smtp_in.c "Too many nonmail commands"), or a client that talks
	 * before its turn (Exim smtp_in.c "SMTP synchronization error"): the
	 * client's commands.  Postfix's "too many errors" counts refused
	 * recipients too, so it stays with the client's refusal. */
	P ("too many bad commands", SYNTAXERROR),
	P ("too many nonmail commands", SYNTAXERROR),
	P ("too many invalid commands", SYNTAXERROR),
	P ("synchronization error", SYNTAXERROR),
	P ("syntactically invalid", SYNTAXERROR),
	/* RFC 3463 X.5.4's own title. */
	P ("invalid command arguments", SYNTAXERROR),
	P ("command parameter not implemented", SYNTAXERROR),
	P ("command not recognized", SYNTAXERROR),
	P ("command unrecognized", SYNTAXERROR),
	P ("unrecognized command", SYNTAXERROR),
	P ("malformed recipient address", SYNTAXERROR),
	P ("malformed address", SYNTAXERROR),
	P ("bad address syntax", SYNTAXERROR),
	P ("line too long", SYNTAXERROR),
	P ("bad command sequence", SYNTAXERROR),
	P ("out of sequence", SYNTAXERROR),

	/* ---- Out of office (auto-replies quoted in a diagnostic). ---- */
	P ("out of the office", VACATION),
	P ("out of office", VACATION),
	P ("i am away", VACATION),
	P ("i will be away", VACATION),
	P ("on vacation", VACATION),

	/* ==== Mail systems' own clauses (parsers/knowledge/clauses.def). ==== */
#define BV_CLAUSE(sys, phrase, cause, detail, source) { phrase, BV_CAUSE_##cause, BV_PHRASE_STRUCTURE, detail, source },
#include "parsers/knowledge/clauses.def"
#undef BV_CLAUSE

	/* ==== Provider conventions: codes and wording one provider uses
	 * (parsers/knowledge/google.def, microsoft.def, yahoo.def, one file
	 * per other provider or family, and providers.def for the rest). ==== */
#define BV_PROVIDER(s, c, scope, d, src) { s, BV_CAUSE_##c, BV_PHRASE_PROVIDER, d, src, BV_SCOPE_##scope },
#define BV_PROVIDER_TEMPORARY(s, c, scope, d, src) \
	{ s, BV_CAUSE_##c, BV_PHRASE_PROVIDER | BV_PHRASE_TEMPORARY, d, src, BV_SCOPE_##scope },
#include "parsers/knowledge/google.def"
#include "parsers/knowledge/microsoft.def"
#include "parsers/knowledge/yahoo.def"
#include "parsers/knowledge/providers.def"
#include "parsers/knowledge/comcast.def"
#include "parsers/knowledge/att.def"
#include "parsers/knowledge/yandex.def"
#include "parsers/knowledge/trendmicro.def"
#include "parsers/knowledge/cisco.def"
#include "parsers/knowledge/aliyun.def"
#include "parsers/knowledge/sohu.def"
#include "parsers/knowledge/fastmail.def"
#include "parsers/knowledge/zoho.def"
#include "parsers/knowledge/unitedinternet.def"
#include "parsers/knowledge/sophos.def"
#include "parsers/knowledge/proofpoint.def"
#undef BV_PROVIDER
#undef BV_PROVIDER_TEMPORARY

	/* ==== Concepts: head words and qualifiers (classify-concepts.def),
	 * matched by classify-concepts.c; the row carries the source and the
	 * detail into the evidence. ==== */
#define BV_CONCEPT(c, heads, quals, vetoes, d, src) { heads, BV_CAUSE_##c, BV_PHRASE_CONCEPT, d, src },
#include "parsers/classify-concepts.def"
#undef BV_CONCEPT
};
/* clang-format on */

const gsize bv_n_phrases = G_N_ELEMENTS (bv_phrases);

/* The index: phrases sorted by their first two bytes, with the start of
 * every two-byte bucket.  Built once. */
static guint16 by_key[G_N_ELEMENTS (bv_phrases)];
static guint16 bucket[65536 + 1];
static gsize index_once;
/* Every phrase normalised the way the text is (normalise_into), and the
 * length of its part before the first '*' wildcard (all of it without
 * one): the matcher compares that part at every candidate offset, and
 * finding it again each time was a tenth of the classifier's work. */
static char *norm[G_N_ELEMENTS (bv_phrases)];
static guint16 lead_len[G_N_ELEMENTS (bv_phrases)];

/* Whether the word of @s that holds @at (bounded by spaces) is an address,
 * a host name, a URL or a code ("a_b@x.example", "mx-1.example",
 * "aup#in-1310"): its '-' and '_' are part of it. */
static gboolean
in_name (const guchar *s, gsize len, gsize at)
{
	gsize a = at, b = at;
	while (a > 0 && !g_ascii_isspace (s[a - 1]))
		a--;
	while (b < len && !g_ascii_isspace (s[b]))
		b++;
	/* Punctuation that ends the word ends a sentence or a label
	 * ("over-quota: user@example.com", "mailbox-full."), not a name. */
	while (b > a && strchr (":.,;!?)]\"'", s[b - 1]) != NULL)
		b--;
	for (gsize i = a; i < b; i++)
		if (s[i] == '@' || s[i] == '.' || s[i] == '/' || s[i] == '#' || s[i] == ':' || s[i] == '=')
			return TRUE;
	return FALSE;
}

/* Whether the byte at @i of @s folds to a word separator: white space, and
 * '-' or '_' between words ("over-quota", "MAILBOX_FULL", "non-existent"),
 * so that every way of joining the words of a phrase matches it. */
static gboolean
separator_at (const guchar *s, gsize len, gsize i)
{
	if (g_ascii_isspace (s[i]))
		return TRUE;
	return (s[i] == '-' || s[i] == '_') && !in_name (s, len, i);
}

/* A phrase as the matcher sees it: separators folded to one space. */
static char *
normalise_phrase (const char *phrase)
{
	const guchar *s = (const guchar *)phrase;
	gsize len = strlen (phrase);
	GString *out = g_string_sized_new (len);
	for (gsize i = 0; i < len; i++) {
		if (separator_at (s, len, i)) {
			if (out->len > 0 && out->str[out->len - 1] != ' ')
				g_string_append_c (out, ' ');
		} else {
			g_string_append_c (out, (char)s[i]);
		}
	}
	return g_string_free (out, FALSE);
}

static guint
key_of (const char *s)
{
	return ((guint)(guchar)s[0] << 8) | (guchar)s[1];
}

static void
build_index (void)
{
	static guint count[65536];
	for (gsize i = 0; i < bv_n_phrases; i++) {
		norm[i] = normalise_phrase (bv_phrases[i].phrase);
		lead_len[i] = (guint16)strcspn (norm[i], "*");
	}
	/* Concept rows are matched by classify-concepts.c: they stay out
	 * of the index. */
	for (gsize i = 0; i < bv_n_phrases; i++)
		if (!(bv_phrases[i].flags & BV_PHRASE_CONCEPT))
			count[key_of (norm[i])]++;
	guint sum = 0;
	for (guint k = 0; k < 65536; k++) {
		bucket[k] = (guint16)sum;
		sum += count[k];
		count[k] = 0;
	}
	bucket[65536] = (guint16)sum;
	for (gsize i = 0; i < bv_n_phrases; i++) {
		if (bv_phrases[i].flags & BV_PHRASE_CONCEPT)
			continue;
		guint k = key_of (norm[i]);
		by_key[bucket[k] + count[k]++] = (guint16)i;
	}
}

/* Folds one character of @s at *i into @out: ASCII and the two-byte
 * capitals (Latin, Greek, Cyrillic) become lower case, and the
 * typographic apostrophe becomes an ASCII one. */
static void
fold_char (const guchar *s, gsize *i, GString *out)
{
	guchar c = s[*i];
	if (c < 0x80) {
		g_string_append_c (out, (char)g_ascii_tolower ((char)c));
		(*i)++;
		return;
	}
	guchar d = s[*i + 1];
	/* The typographic apostrophe (U+2019) becomes ASCII, so that
	 * "n’existe pas" reads as "n'existe pas". */
	if (c == 0xe2 && d == 0x80 && s[*i + 2] == 0x99) {
		g_string_append_c (out, '\'');
		*i += 3;
		return;
	}
	/* Two-byte capitals (Latin-1, Latin Extended-A and -B, Greek,
	 * Cyrillic: "É", "Ł", "Č", "Ş", "Д") become lower case; Turkish
	 * "İ" becomes "i".  Any other byte is copied. */
	if (c >= 0xc2 && c <= 0xdf && (d & 0xc0) == 0x80) {
		gunichar u = ((gunichar)(c & 0x1f) << 6) | (d & 0x3f);
		char buf[6];
		gint m = g_unichar_to_utf8 (g_unichar_tolower (u), buf);
		/* The folded text is never longer than the text (its map to
		 * the original has one entry per byte): a capital whose small
		 * letter takes three bytes ("Ⱥ") stays as it is. */
		if (m > 2)
			g_string_append_len (out, (const char *)s + *i, 2);
		else
			g_string_append_len (out, buf, m);
	} else {
		g_string_append_c (out, (char)c);
		(*i)++;
		return;
	}
	*i += 2;
}

/* Length of a multi-line reply's continuation marker at @s ("550-5.7.1 ",
 * "550-", or "550 5.7.1 " in the middle of a text), 0 when there is none.
 * Google and others repeat the code on every line of a long reply; the
 * markers would split phrases that run across lines. */
static gsize
continuation_len (const guchar *s, gboolean at_start)
{
	if (!(s[0] >= '2' && s[0] <= '5' && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2])))
		return 0;
	if (s[3] != '-' && (s[3] != ' ' || at_start))
		return 0;
	gsize n = 4;
	gsize m = n;
	if (s[m] == '#')
		m++;
	gsize dots = 0, digits = 0;
	while (g_ascii_isdigit (s[m]) || (s[m] == '.' && digits > 0)) {
		if (s[m] == '.')
			dots++;
		else
			digits++;
		m++;
	}
	if (dots == 2 && s[m] == ' ')
		return m + 1;
	if (s[3] == '-' && (s[4] == ' ' || s[4] == '\0'))
		return s[4] ? 5 : 4;
	return s[3] == '-' && digits == 0 ? n : 0;
}

/* Finds @seg (length @n) in @hay within @limit bytes. */
static const char *
find_within (const char *hay, gsize hay_len, const char *seg, gsize n, gsize limit)
{
	gsize len = MIN (hay_len, limit);
	if (n == 0)
		return hay;
	if (n > len)
		return NULL;
	for (gsize i = 0; i + n <= len; i++)
		if (hay[i] == seg[0] && memcmp (hay + i, seg, n) == 0)
			return hay + i;
	return NULL;
}

/* Whether the phrase matches at @t (folded text of @len bytes from here);
 * sets *end to the end of the match. */
static gboolean
phrase_at (const char *phrase, gsize n, const char *t, gsize len, gsize *end)
{
	/* The index matched the first two bytes already; the third rules
	 * out most of the rest without a call. */
	if (n > len || (n > 2 && t[2] != phrase[2]) || memcmp (t, phrase, n) != 0)
		return FALSE;
	const char *star = phrase[n] == '*' ? phrase + n : NULL;
	gsize pos = n;
	while (star) {
		const char *seg = star + 1;
		star = strchr (seg, '*');
		gsize m = star ? (gsize)(star - seg) : strlen (seg);
		/* A wildcard spans one clause of a reply, not the whole text. */
		const char *hit = find_within (t + pos, len - pos, seg, m, 160);
		if (hit == NULL)
			return FALSE;
		pos = (gsize)(hit - t) + m;
	}
	*end = pos;
	return TRUE;
}

/* Whether a head word may start (@start) or end at @at of the folded text
 * @t: the byte on the outer side is no letter or digit, and no part of an
 * address, host name or URL ("spam@", "spamhaus", ".spam.example"). */
static gboolean
word_edge (const char *t, gsize at, gboolean start)
{
	if (start && at == 0)
		return TRUE;
	guchar c = (guchar)(start ? t[at - 1] : t[at]);
	if (c == '\0')
		return TRUE;
	/* A full stop ends a sentence unless a name goes on after it. */
	if (!start && c == '.')
		return !g_ascii_isalnum (t[at + 1]);
	return !(g_ascii_isalnum (c) || c >= 0x80 || c == '@' || c == '.' || c == '/' || c == '=' ||
	         c == '#');
}

/* Whether @s..@e of the original @text is part of a relay's name written
 * with its address, as MTAs name the host they talked to ("host
 * virus-gw.example.net[192.0.2.20] said:", Postfix; "host
 * mx-quota.example.org [192.0.2.7]:", Exim).  Folding turns '-' into a
 * space, so a label's word looks whole in the folded text; the name is no
 * statement of the server.  A name without an address may be what the
 * reply cites ("see open-spf.org", "zen.spamhaus.org"). */
static gboolean
host_char (char ch)
{
	return g_ascii_isalnum (ch) || ch == '-' || ch == '.';
}

static gboolean
identifier_char (char ch)
{
	return g_ascii_isalnum (ch) || ch == '-' || ch == '_';
}

/* Widens @s..@e of @text to the whole run of bytes that @is_part accepts
 * around it: the name or identifier the words stand in. */
static void
widen_token (const char *text, gsize len, gsize s, gsize e, gboolean (*is_part) (char), gsize *left,
             gsize *right)
{
	*left = s;
	*right = e;
	while (*left > 0 && is_part (text[*left - 1]))
		(*left)--;
	while (*right < len && is_part (text[*right]))
		(*right)++;
}

static gboolean
in_host_name (const char *text, gsize len, gsize s, gsize e)
{
	if (!((s > 0 && (text[s - 1] == '-' || text[s - 1] == '.')) ||
	      (e + 1 < len && (text[e] == '-' || text[e] == '.') && g_ascii_isalnum (text[e + 1]))))
		return FALSE;
	gsize left, right;
	widen_token (text, len, s, e, host_char, &left, &right);
	/* The address in brackets after the name: "name[192.0.2.1]". */
	gsize after = right;
	if (after < len && text[after] == ' ')
		after++;
	gboolean address = after < len && text[after] == '[';
	while (right > left && (text[right - 1] == '.' || text[right - 1] == '-'))
		right--;
	/* A dotted name that ends in a label of letters (a top-level domain). */
	gsize dot = right;
	while (dot > left && text[dot - 1] != '.')
		dot--;
	if (dot <= left || right - dot < 2)
		return FALSE;
	for (gsize k = dot; k < right; k++)
		if (!g_ascii_isalpha (text[k]))
			return FALSE;
	if (address)
		return TRUE;
	/* Without the address, a name of three labels or more whose words
	 * are joined by '-' to another word of their label ("rejected by
	 * mx01.virus-scan.example.net") names a host too; a list's own name
	 * ("zen.spamhaus.org", "dnsbl-1.uceprotect.net") or a web site's
	 * ("www.open-spf.org") may be what the reply cites, and keeps its
	 * word. */
	if ((left > 0 && text[left - 1] == '/') || g_ascii_strncasecmp (text + left, "www.", 4) == 0)
		return FALSE;
	guint dots = 0;
	for (gsize k = left; k < right; k++)
		dots += text[k] == '.';
	gboolean joined = (s > 1 && text[s - 1] == '-' && g_ascii_isalpha (text[s - 2])) ||
	                  (e + 1 < right && text[e] == '-' && g_ascii_isalpha (text[e + 1]));
	return dots >= 2 && joined;
}

/* A byte of the word an address stands in: not white space, nor the
 * brackets, quotes and separators around it. */
static gboolean
address_char (char ch)
{
	return ch != '\0' && strchr (" \t\n<>()[]\"',;", ch) == NULL;
}

/* Whether @s..@e of the original @text lies inside an email address
 * ("<overquota@example.com>... User unknown"): a mailbox's name states
 * nothing of it. */
static gboolean
in_address (const char *text, gsize len, gsize s, gsize e)
{
	for (gsize k = s; k < e; k++)
		if (!address_char (text[k]))
			return FALSE;
	gsize left, right;
	widen_token (text, len, s, e, address_char, &left, &right);
	/* A URL may carry an address in its query; its host still names
	 * what the reply cites ("http://www.openspf.org/Why?id=a@b.example"). */
	return memchr (text + left, '@', right - left) != NULL &&
	       memchr (text + left, '/', right - left) == NULL;
}

/* Whether @s..@e of the original @text lies inside an identifier made of
 * words and numbers joined by '-' or '_' ("[mx-relay-denied-01]", "(ref:
 * spam-ops-4471)", "[ref spam-gw-2]"): servers tag replies with the names
 * of their rules, hosts and tickets, and folding turns the joints into
 * spaces, so a label's word looks whole in the folded text.  A tag of at
 * least three parts, one of them a number, names something; it states
 * nothing. */
static gboolean
in_identifier (const char *text, gsize len, gsize s, gsize e)
{
	if (!((s > 0 && (text[s - 1] == '-' || text[s - 1] == '_')) ||
	      (e < len && (text[e] == '-' || text[e] == '_'))))
		return FALSE;
	for (gsize k = s; k < e; k++)
		if (!identifier_char (text[k]))
			return FALSE;
	gsize left, right;
	widen_token (text, len, s, e, identifier_char, &left, &right);
	/* A name with a dot or an '@' next to it is a host or an address,
	 * which in_host_name() and the address rules judge. */
	if ((left > 0 && (text[left - 1] == '.' || text[left - 1] == '@')) ||
	    (right < len && (text[right] == '@' ||
	                     (text[right] == '.' && right + 1 < len && g_ascii_isalnum (text[right + 1])))))
		return FALSE;
	guint parts = 0;
	gboolean number = FALSE;
	for (gsize k = left; k < right;) {
		gsize end = k;
		gboolean digits = TRUE;
		while (end < right && text[end] != '-' && text[end] != '_') {
			digits = digits && g_ascii_isdigit (text[end]);
			end++;
		}
		if (end > k) {
			parts++;
			number = number || digits;
		}
		k = end + 1;
	}
	return parts >= 3 && number;
}

/* Whether the text just before @at (folded, @at bytes from its start)
 * names an address: "<a@b.example>: ", "<a@b.example>... " or
 * "a@b.example... ".  Servers put the recipient's address before the
 * reason only when they answer RCPT TO for that address. */
gboolean
bv_address_before (const char *t, gsize at)
{
	gsize i = at;
	while (i > 0 && t[i - 1] == ' ')
		i--;
	if (i >= 3 && memcmp (t + i - 3, "...", 3) == 0)
		i -= 3;
	else if (i >= 1 && t[i - 1] == ':')
		i--;
	else
		return FALSE;
	if (i > 0 && t[i - 1] == '>') {
		gsize close = i - 1, open = close;
		while (open > 0 && close - open < 256 && t[open - 1] != '<' && t[open - 1] != ' ')
			open--;
		return open > 0 && t[open - 1] == '<' && memchr (t + open, '@', close - open) != NULL;
	}
	/* A bare address: the word before the marker holds an '@'. */
	gsize w = i;
	while (w > 0 && t[w - 1] != ' ' && t[w - 1] != ':')
		w--;
	return i > w && memchr (t + w, '@', i - w) != NULL && t[w] != '@';
}

/* Where the domain name that ends just before @at (folded, with one
 * space between) begins, or -1: a word of letters, digits, '-' and at
 * least one inner '.', ending in a letter, with no '@' or '/' near it. */
static gssize
domain_before (const char *t, gsize at)
{
	if (at < 2 || t[at - 1] != ' ')
		return -1;
	gsize end = at - 1;
	gsize w = end;
	gboolean dot = FALSE;
	while (w > 0 && end - w < 255) {
		char c = t[w - 1];
		if (c == '.')
			dot = TRUE;
		else if (!g_ascii_isalnum (c) && c != '-')
			break;
		w--;
	}
	if (w > 0 && (t[w - 1] == '@' || t[w - 1] == '/'))
		return -1;
	if (!dot || w == end || t[w] == '.' || !g_ascii_isalpha (t[end - 1]))
		return -1;
	return (gssize)w;
}

/* Whether the word "virus" at @i..@end of the folded text @t names the
 * scanner rather than a finding: "antivirus", "anti-virus", "virus
 * scanner", "virus_scan", "virus check".  A scanner that is unavailable or
 * failed found nothing (amavisd-new's "virus_scan FAILED", a 4xx of a
 * milter whose scanner is down); a scanner that refused the message is
 * the VIRUSDETECTED concept of classify-concepts.def. */
static gboolean
names_virus_scanner (const char *t, gsize i, gsize end)
{
	/* "antivirus", "anti-virus", "scanning for viruses": the scanner or
	 * its work, which may fail ("Temporary error while scanning for
	 * viruses") without finding one. */
	static const char *const before[] = { "anti", "anti ", "scanning for ", "scan for ",
		                              "checking for " };
	for (gsize k = 0; k < G_N_ELEMENTS (before); k++) {
		gsize n = strlen (before[k]);
		if (i >= n && g_ascii_strncasecmp (t + i - n, before[k], n) == 0)
			return TRUE;
	}
	static const char *const after[] = { " scan", "scan", " check", " filter", " engine", " wall" };
	for (gsize k = 0; k < G_N_ELEMENTS (after); k++)
		if (g_str_has_prefix (t + end, after[k]))
			return TRUE;
	return FALSE;
}

static void
find_command (const char *folded, BvTextScan *scan)
{
	static const struct {
		const char *words;
		const char *command;
	} commands[] = {
		{ "in reply to rcpt to", "RCPT" },
		{ "after rcpt to", "RCPT" },
		{ "in reply to mail from", "MAIL" },
		{ "after mail from", "MAIL" },
		{ "in reply to end of data", "DATA" },
		{ "in reply to data", "DATA" },
		{ "after end of data", "DATA" },
		{ "after data", "DATA" },
		{ "in reply to ehlo", "EHLO" },
		{ "in reply to helo", "HELO" },
		{ "while performing the helo", "HELO" },
		{ "progress was rcpt to response", "RCPT" },
		{ "for rcpt to response", "RCPT" },
		{ "after initial connection", "CONN" },
		{ "my name was rejected", "HELO" },
		/* qmail-remote.c's own sentences for each stage of the
		 * session: quit("Connected to ", " but greeting failed"),
		 * " but sender was rejected", "... does not like recipient". */
		{ "but greeting failed", "CONN" },
		{ "but sender was rejected", "MAIL" },
		{ "does not like recipient", "RCPT" },
		/* Sendmail answers RCPT TO with "<address>... User unknown". */
		{ ">... user unknown", "RCPT" },
	};
	scan->command[0] = '\0';
	for (gsize i = 0; i < G_N_ELEMENTS (commands); i++) {
		if (strstr (folded, commands[i].words)) {
			g_strlcpy (scan->command, commands[i].command, sizeof scan->command);
			return;
		}
	}
}

/* Whether a provider's code or wording stands as a whole token at @i..@end
 * of the folded text @t: a phrase that begins (ends) with a letter or a
 * digit does not count after (before) another one, so that "hl:rep" does
 * not fire in "hl:repository" nor "rcp-p1" in "rcp-p12". */
static gboolean
whole_token (const char *phrase, const char *t, gsize i, gsize end)
{
	gsize n = strlen (phrase);
	if (i > 0 && g_ascii_isalnum (phrase[0]) && g_ascii_isalnum (t[i - 1]))
		return FALSE;
	return !(n > 0 && g_ascii_isalnum (phrase[n - 1]) && g_ascii_isalnum (t[end]));
}

void
bv_text_scan (const char *text, BvTextScan *scan)
{
	bv_text_scan_in (text, 0, scan);
}

/* Whether the '/' at @i of the folded text @t ends the host of a URL: the
 * word it stands in opens with "http://" or "https://" and has no other
 * '/' after the scheme before @i. */
static gboolean
url_host_before (const char *t, gsize i)
{
	gsize a = i;
	while (a > 0 && t[a - 1] != ' ')
		a--;
	const char *w = t + a;
	gsize host;
	if (g_str_has_prefix (w, "http://"))
		host = a + 7;
	else if (g_str_has_prefix (w, "https://"))
		host = a + 8;
	else
		return FALSE;
	return i > host && memchr (t + host, '/', i - host) == NULL;
}

void
bv_text_scan_in (const char *text, guint64 scopes, BvTextScan *scan)
{
	if (g_once_init_enter (&index_once)) {
		build_index ();
		g_once_init_leave (&index_once, 1);
	}
	for (guint c = 0; c < BV_CAUSE_COUNT; c++) {
		scan->text[c].phrase = -1;
		scan->provider[c].phrase = -1;
	}
	scan->first_provider = -1;
	scan->structure.phrase = -1;
	scan->not_mask = 0;
	scan->address_mask = 0;
	scan->command[0] = '\0';
	scan->command_by_form = FALSE;
	if (text == NULL || *text == '\0')
		return;

	/* Fold once, dropping continuation markers; @map keeps the offset of
	 * every folded byte in the original text so the evidence can quote
	 * the report as it stands. */
	const guchar *s = (const guchar *)text;
	gsize len = strlen (text);
	GString *folded = g_string_sized_new (len + 1);
	g_autofree guint32 *map = g_new (guint32, len + 1);
	for (gsize i = 0; i < len;) {
		gboolean boundary = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n';
		gsize skip = boundary ? continuation_len (s + i, i == 0) : 0;
		if (skip > 0) {
			i += skip;
			continue;
		}
		if (separator_at (s, len, i)) {
			/* Runs of separators fold to one space. */
			if (folded->len > 0 && folded->str[folded->len - 1] != ' ') {
				map[folded->len] = (guint32)i;
				g_string_append_c (folded, ' ');
			}
			i++;
			continue;
		}
		gsize before = folded->len, from = i;
		fold_char (s, &i, folded);
		for (gsize k = before; k < folded->len; k++)
			map[k] = (guint32)(from + (k - before));
	}
	map[folded->len] = (guint32)len;
	const char *t = folded->str;
	gsize n = folded->len;
	gssize unknown_at = -1;
	/* Where the last wrapper (a relay's give-up sentence, a refusal that
	 * gives no reason) begins and ends: words inside it ("timeout" in
	 * "retry timeout exceeded") are the sentence's, not a reply it
	 * quotes. */
	gsize wrapper_end = 0, wrapper_start = 0;
	/* The providers the text names itself, looked for once, when a
	 * scoped phrase first matches. */
	gboolean text_scopes = FALSE;

	/* Where the path of a URL ends, while @i is inside one: the words of
	 * a help page's address ("http://mail.163.com/help/help_spam_16.htm")
	 * are a reference, not the server's wording.  Its host name still
	 * counts ("https://www.spamhaus.org/query/ip/..."). */
	gsize path_end = 0;
	for (gsize i = 0; i + 1 < n; i++) {
		if (i >= path_end && i > 0 && t[i] == '/' && t[i - 1] != '/' && t[i - 1] != ':' &&
		    url_host_before (t, i)) {
			path_end = i;
			while (path_end < n && t[path_end] != ' ')
				path_end++;
		}
		guint k = key_of (t + i);
		for (guint b = bucket[k]; b < bucket[k + 1]; b++) {
			const BvPhrase *p = &bv_phrases[by_key[b]];
			gsize end;
			if (!phrase_at (norm[by_key[b]], lead_len[by_key[b]], t + i, n - i, &end))
				continue;
			if ((p->flags & BV_PHRASE_WORD) &&
			    !(word_edge (t, i, TRUE) && word_edge (t, i + end, FALSE)))
				continue;
			if (!(p->flags & BV_PHRASE_PROVIDER) &&
			    (in_host_name (text, len, map[i], i + end < n ? map[i + end] : len) ||
			     in_identifier (text, len, map[i], i + end < n ? map[i + end] : len) ||
			     in_address (text, len, map[i], i + end < n ? map[i + end] : len)))
				continue;
			if (p->flags & BV_PHRASE_PROVIDER) {
				if (!whole_token (norm[by_key[b]], t, i, i + end))
					continue;
				if (p->scope != BV_SCOPE_ANY && !(scopes & BV_SCOPE_BIT (p->scope)) &&
				    !text_scopes) {
					scopes |= bv_scopes_in_text (t);
					text_scopes = TRUE;
				}
				if (p->scope != BV_SCOPE_ANY && !(scopes & BV_SCOPE_BIT (p->scope)))
					continue;
			}
			if (i < path_end && !(p->flags & BV_PHRASE_PROVIDER))
				continue;
			gssize from = (gssize)i;
			if ((p->flags & BV_PHRASE_AFTER_DOMAIN) && (from = domain_before (t, i)) < 0)
				continue;
			if (p->flags & BV_PHRASE_STRUCTURE) {
				if (scan->structure.phrase < 0) {
					scan->structure.phrase = by_key[b];
					scan->structure.start = map[from];
					scan->structure.end = i + end < n ? map[i + end] : len;
				}
				continue;
			}
			if (p->flags & BV_PHRASE_NOT) {
				scan->not_mask |= G_GUINT64_CONSTANT (1) << p->cause;
				continue;
			}
			if (p->cause == BV_CAUSE_VIRUSDETECTED && !(p->flags & BV_PHRASE_PROVIDER) &&
			    names_virus_scanner (t, i, i + end))
				continue;
			/* "is not spam", "not listed in any block list": a
			 * negated statement of a state is no evidence of it. */
			if (!(p->flags & (BV_PHRASE_PROVIDER | BV_PHRASE_WRAPPER)) &&
			    (BV_NEGATABLE_CAUSES & (G_GUINT64_CONSTANT (1) << p->cause)) &&
			    bv_negated_before (t, i))
				continue;
			if (p->flags & BV_PHRASE_WRAPPER) {
				if (i >= wrapper_end)
					wrapper_start = i;
				wrapper_end = MAX (wrapper_end, i + end);
			}
			/* A longer phrase that begins where the sentence does
			 * ("access denied for <client>") says more than it. */
			else if (i > wrapper_start && i < wrapper_end && !(p->flags & BV_PHRASE_PROVIDER))
				continue;
			BvHit *h = (p->flags & BV_PHRASE_PROVIDER) ? &scan->provider[p->cause]
			                                           : &scan->text[p->cause];
			guint64 bit = G_GUINT64_CONSTANT (1) << p->cause;
			/* An ADDRESS phrase is the stronger evidence: it takes
			 * the place of an ordinary phrase of its cause found
			 * earlier in the text. */
			gboolean stronger = (p->flags & BV_PHRASE_ADDRESS) && !(scan->address_mask & bit);
			/* So does any phrase after a give-up sentence: the reply
			 * a relay quotes says more than its own words. */
			if (h->phrase >= 0 && (bv_phrases[h->phrase].flags & BV_PHRASE_WRAPPER) &&
			    !(p->flags & BV_PHRASE_WRAPPER))
				stronger = TRUE;
			if (h->phrase >= 0 && !stronger)
				continue;
			h->phrase = by_key[b];
			if (p->flags & BV_PHRASE_ADDRESS)
				scan->address_mask |= bit;
			if (p->cause == BV_CAUSE_USERUNKNOWN && !(p->flags & BV_PHRASE_PROVIDER) &&
			    unknown_at < 0)
				unknown_at = (gssize)i;
			h->start = map[from];
			h->end = i + end < n ? map[i + end] : len;
			if ((p->flags & BV_PHRASE_PROVIDER) && scan->first_provider < 0)
				scan->first_provider = (gint)p->cause;
		}
	}
	/* Concepts: the causes no phrase named, from a head word and a
	 * qualifier in any wording ("the recipient's inbox is out of
	 * space"). */
	guint64 have = 0;
	for (guint c = 0; c < BV_CAUSE_COUNT; c++)
		if (scan->text[c].phrase >= 0)
			have |= G_GUINT64_CONSTANT (1) << c;
	BvConceptHit concept[BV_CAUSE_COUNT];
	bv_concepts_scan (t, n, have, concept);
	for (guint c = 0; c < BV_CAUSE_COUNT; c++) {
		if (concept[c].phrase < 0)
			continue;
		gsize cs = map[concept[c].start], ce = concept[c].end < n ? map[concept[c].end] : len;
		/* A rule's or a relay's name ("[mx-relay-denied-01]") holds the
		 * words, not a statement. */
		if (in_host_name (text, len, cs, ce) || in_identifier (text, len, cs, ce))
			continue;
		BvHit *h = &scan->text[c];
		h->phrase = concept[c].phrase;
		h->start = cs;
		h->end = ce;
		if (c == BV_CAUSE_USERUNKNOWN && unknown_at < 0)
		unknown_at = (gssize) concept[c].start;
	}
	find_command (t, scan);
	if (scan->command[0] == '\0' && unknown_at >= 0 && bv_address_before (t, (gsize)unknown_at)) {
		g_strlcpy (scan->command, "RCPT", sizeof scan->command);
		scan->command_by_form = TRUE;
	}
	g_string_free (folded, TRUE);
}
