/* catalog-causes.c: the catalog entry of every cause.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry per cause of BV_CAUSES, in any order: catalog.c indexes them by
 * cause and a test fails when a cause has no entry.  The text is for the
 * person who sent the mail, who may not run a mail server: say what an
 * abbreviation means the first time it appears, and make every fix step
 * something they can do.  Fix steps are separated by newlines.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "parsers/catalog-private.h"

/* clang-format off */
const BvCatalogEntry bv_catalog_causes[] = {
	{ BV_CAUSE_UNDEFINED, BV_SIDE_NONE, BV_ACTION_SUPPRESS_AFTER_REPEATS,
	  N_ ("The cause could not be determined"),
	  N_ ("The report does not say clearly why the message was not delivered: it has no usable "
	     "status code and its wording matches no known cause. Read the diagnostic text of the "
	     "report yourself; it is often enough to tell what happened."),
	  N_ ("Read the diagnostic text and the rejecting server's name in the report.\n"
	     "If the same address bounces again with no clearer reason, suppress it.\n"
	     "If many addresses at different domains bounce like this, check your own sending setup.") },

	{ BV_CAUSE_AUTHFAILURE, BV_SIDE_SENDER, BV_ACTION_FIX_SETUP,
	  N_ ("Sender authentication (SPF, DKIM or DMARC) failed"),
	  N_ ("The receiving server checked whether your message really comes from your domain and the "
	     "check failed. SPF is a DNS record that lists the servers allowed to send for your domain; "
	     "DKIM is a cryptographic signature your server adds to each message; DMARC is a DNS record "
	     "that tells receivers what to do when SPF and DKIM do not match the From address. One of "
	     "them is missing, wrong, or does not cover the server that sent this message."),
	  N_ ("Find out which check failed (the report usually says SPF, DKIM or DMARC).\n"
	     "SPF: add every server and service that sends for your domain to its SPF record.\n"
	     "DKIM: turn on DKIM signing for your domain and publish the public key in DNS.\n"
	     "DMARC: make sure the From domain matches the domain SPF or DKIM checks.\n"
	     "Test with a message to a mailbox that shows authentication results, then resend.") },

	{ BV_CAUSE_BADREPUTATION, BV_SIDE_SENDER, BV_ACTION_FIX_SETUP,
	  N_ ("Your sending IP address has a poor reputation"),
	  N_ ("The receiving server refused mail from the IP address your server sends from, because "
	     "it has a poor reputation: too many messages from it were marked as spam, sent to "
	     "addresses that do not exist, or arrived in sudden large volumes. The address of the "
	     "recipient is fine."),
	  N_ ("Send only to people who asked for your mail and remove addresses that bounce.\n"
	     "Check the IP address against the public blocklists and the provider's sender portal.\n"
	     "Lower your sending volume and raise it slowly (warm up a new IP address).\n"
	     "Resend once the reputation has recovered.") },

	{ BV_CAUSE_BLOCKED, BV_SIDE_SENDER, BV_ACTION_FIX_SETUP,
	  N_ ("Your sending server or IP address is blocked"),
	  N_ ("The receiving server refused the connection from your server because of its IP address "
	     "or host name. Most often the IP address is on a blocklist (a public list of addresses "
	     "that sent spam), or the receiver does not accept mail from dynamic or residential "
	     "addresses. The recipient's address itself is fine."),
	  N_ ("Look up your sending IP address on the blocklist the report names.\n"
	     "Find and stop what got it listed (a hacked account, a bad list, an open relay).\n"
	     "Ask the blocklist to remove the address through its delisting page.\n"
	     "Resend after the address is removed, or send through another server meanwhile.") },

	{ BV_CAUSE_CONTENTERROR, BV_SIDE_MESSAGE, BV_ACTION_FIX_SETUP,
	  N_ ("The message's format or headers were refused"),
	  N_ ("The receiving server refused the message because of how it is built: a header is "
	     "malformed or missing, the encoding is wrong, or an attachment type is not allowed. "
	     "The address is fine; the message needs fixing."),
	  N_ ("Check the headers of the message (From, Date, Message-ID, Content-Type) for errors.\n"
	     "Remove attachment types that are often refused (executables, scripts, archives with them).\n"
	     "Send a plain test message to the same address to confirm, then resend the fixed message.") },

	{ BV_CAUSE_DELIVERED, BV_SIDE_NONE, BV_ACTION_NONE,
	  N_ ("The message was delivered"),
	  N_ ("This is a delivery notice, not a failure: the receiving server confirmed that the "
	     "message reached the recipient's mailbox (or was passed on to the next server)."),
	  N_ ("Nothing to do.") },

	{ BV_CAUSE_EXCEEDLIMIT, BV_SIDE_MESSAGE, BV_ACTION_FIX_SETUP,
	  N_ ("The message exceeds a limit set for the recipient"),
	  N_ ("The message goes over a limit the recipient's server applies to this mailbox: usually "
	     "the largest message size the recipient accepts, sometimes the number of recipients or "
	     "messages allowed."),
	  N_ ("Read the report for the limit that was exceeded.\n"
	     "Make the message smaller: send large files as a download link instead of attachments.\n"
	     "If there were many recipients, send to fewer at a time.\n"
	     "Resend the smaller message.") },

	{ BV_CAUSE_EXPIRED, BV_SIDE_TEMPORARY, BV_ACTION_SUPPRESS_AFTER_REPEATS,
	  N_ ("Delivery gave up after retrying for too long"),
	  N_ ("Your mail server tried to deliver the message for hours or days and finally gave up. "
	     "The receiving server never answered, kept answering \"try again later\", or could not "
	     "be reached. The cause may be on their side (a server down) or on the way there."),
	  N_ ("Check whether the recipient's domain still receives mail (does it have working mail servers?).\n"
	     "If only one message expired, send it again later.\n"
	     "If the address expires again and again, suppress it.") },

	{ BV_CAUSE_FEEDBACK, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS,
	  N_ ("The recipient reported the message as spam"),
	  N_ ("This is a complaint report (a feedback loop report): the recipient pressed \"This is "
	     "spam\" or a similar button, and their provider sent you a copy. The message was "
	     "delivered, but the recipient does not want it. Complaints hurt your reputation with "
	     "the provider quickly."),
	  N_ ("Stop sending to this address now (suppress it).\n"
	     "Check how the address came onto your list and whether it asked for this mail.\n"
	     "Make unsubscribing easy (a visible link and the List-Unsubscribe header).") },

	{ BV_CAUSE_FILTERED, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS_AFTER_REPEATS,
	  N_ ("The recipient's server refused the message after receiving it"),
	  N_ ("The receiving server took the message in and then refused it, usually because the "
	     "mailbox is disabled, is not allowed to receive mail from outside, or a filter the "
	     "recipient set up turned it away."),
	  N_ ("Check the address for mistakes.\n"
	     "Ask the recipient through another channel whether the address still works.\n"
	     "If it bounces again, suppress it.") },

	{ BV_CAUSE_HASMOVED, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS,
	  N_ ("The recipient has moved to another address"),
	  N_ ("The mailbox is no longer used: its owner moved to another address and the old one does "
	     "not forward mail. Some servers give the new address in the report."),
	  N_ ("Suppress the old address.\n"
	     "If the report gives a new address, update your records to it (with the person's consent).") },

	{ BV_CAUSE_HOSTUNKNOWN, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS,
	  N_ ("The recipient's domain does not exist"),
	  N_ ("The part of the address after the @ (the domain) does not exist, or has no mail servers "
	     "in DNS (the Internet's directory of names). This is usually a typing mistake in the "
	     "domain, or a domain that has expired."),
	  N_ ("Check the domain for a typing mistake and correct the address if you can.\n"
	     "Otherwise suppress the address: mail to it can never be delivered.") },

	{ BV_CAUSE_MAILBOXFULL, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS_AFTER_REPEATS,
	  N_ ("The recipient's mailbox is full"),
	  N_ ("The recipient's mailbox has reached its storage limit and cannot take new messages until "
	     "they delete some. This is often temporary, but a mailbox that stays full for weeks is "
	     "usually abandoned."),
	  N_ ("Send again later; there is nothing to change on your side.\n"
	     "If the mailbox is still full after several attempts over a week or more, suppress the address.") },

	{ BV_CAUSE_MAILERERROR, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS_AFTER_REPEATS,
	  N_ ("The recipient's mail program failed"),
	  N_ ("The receiving server accepted the message but the program that puts mail into the "
	     "recipient's mailbox (or forwards it) failed. This is a fault on the recipient's system, "
	     "often a broken forwarding rule or delivery script."),
	  N_ ("Send again later.\n"
	     "If it keeps failing, tell the recipient (or their postmaster) through another channel.\n"
	     "Suppress the address if it fails again and again.") },

	{ BV_CAUSE_MESGTOOBIG, BV_SIDE_MESSAGE, BV_ACTION_FIX_SETUP,
	  N_ ("The message is too large"),
	  N_ ("The message is bigger than the receiving server accepts. Attachments grow by about a "
	     "third when they are sent by email, so an 8 MB file makes a message of about 11 MB. Many "
	     "servers accept 10 to 25 MB at most."),
	  N_ ("Remove large attachments or compress them.\n"
	     "Share big files as a download link instead.\n"
	     "Resend the smaller message.") },

	{ BV_CAUSE_NETWORKERROR, BV_SIDE_TEMPORARY, BV_ACTION_RETRY,
	  N_ ("A network or DNS problem stopped delivery"),
	  N_ ("Your server could not talk to the recipient's server: the name lookup (DNS) failed, the "
	     "connection was refused or broke off, or a routing loop was found. These problems are "
	     "usually temporary."),
	  N_ ("Wait and send again; your server normally retries by itself.\n"
	     "If it keeps failing for one domain, check that the domain's mail servers (MX records) resolve.\n"
	     "If it fails for every domain, check your own server's DNS and network.") },

	{ BV_CAUSE_NORELAYING, BV_SIDE_SENDER, BV_ACTION_FIX_SETUP,
	  N_ ("The server refused to relay the message"),
	  N_ ("The server your message reached does not handle mail for the recipient's domain and "
	     "refused to pass it on (\"relay access denied\"). Usually your mail program is not "
	     "logged in to your outgoing server, or the recipient's domain points its mail to a "
	     "server that no longer accepts it."),
	  N_ ("Make sure your mail program or application logs in (SMTP authentication) to your outgoing server.\n"
	     "Check that you send through your own provider's server, not the recipient's.\n"
	     "If only one domain is affected, its mail (MX) records may be wrong: tell the recipient.") },

	{ BV_CAUSE_NOTACCEPT, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS,
	  N_ ("The recipient's domain accepts no mail"),
	  N_ ("The recipient's domain exists but does not receive email: it publishes a \"null MX\" "
	     "record (a DNS statement that it takes no mail), or its server refuses all mail."),
	  N_ ("Suppress the address.\n"
	     "Ask the person for another address if you still need to reach them.") },

	{ BV_CAUSE_NOTCOMPLIANTRFC, BV_SIDE_MESSAGE, BV_ACTION_FIX_SETUP,
	  N_ ("The message breaks the email standards"),
	  N_ ("The message does not follow the rules of the email standards (the RFCs): for example a "
	     "header appears twice, a required header is missing, or lines are too long. Large "
	     "providers refuse such messages."),
	  N_ ("Check the message headers: exactly one From, Date and Message-ID, and no duplicated Subject or To.\n"
	     "Keep lines shorter than 998 characters and encode non-ASCII text properly.\n"
	     "Fix the program that builds the message, then resend.") },

	{ BV_CAUSE_ONHOLD, BV_SIDE_NONE, BV_ACTION_SUPPRESS_AFTER_REPEATS,
	  N_ ("The failure is not explained yet"),
	  N_ ("The report says delivery failed but gives too little detail to tell why. The message may "
	     "still be queued somewhere, or the server hid the reason."),
	  N_ ("Read the diagnostic text of the report.\n"
	     "Send again later; if the address keeps failing without a reason, suppress it.") },

	{ BV_CAUSE_POLICYVIOLATION, BV_SIDE_MESSAGE, BV_ACTION_FIX_SETUP,
	  N_ ("The message broke the receiver's policy"),
	  N_ ("The receiving server has local rules the message broke: for example it does not accept "
	     "certain attachments, links, languages or bulk mail, or the recipient's organisation "
	     "allows mail only from approved senders."),
	  N_ ("Read the report for the rule that was broken.\n"
	     "Change the message to follow it (remove the attachment or link, for instance).\n"
	     "If the recipient's organisation allows only approved senders, ask them to approve you, then resend.") },

	{ BV_CAUSE_REJECTED, BV_SIDE_SENDER, BV_ACTION_FIX_SETUP,
	  N_ ("Your sender address was refused"),
	  N_ ("The receiving server refused the address the message was sent from (the envelope "
	     "sender, used for bounces): its domain does not exist, does not receive mail, is not "
	     "allowed, or the recipient blocked you."),
	  N_ ("Make sure the sender address and its domain exist and can receive mail (bounces come back to it).\n"
	     "Use a sender domain you control, with SPF set up.\n"
	     "If the recipient blocked you, only they can lift it.") },

	{ BV_CAUSE_REQUIREPTR, BV_SIDE_SENDER, BV_ACTION_FIX_SETUP,
	  N_ ("Your sending server has no valid reverse DNS"),
	  N_ ("The receiving server looked up the name of your sending IP address (reverse DNS, a PTR "
	     "record) and found none, or found a name that does not point back to the same address. "
	     "Many servers refuse mail from such addresses."),
	  N_ ("Ask whoever runs your IP address (your hosting or Internet provider) to set a PTR record for it.\n"
	     "Make that name resolve back to the same IP address, and use it as your server's greeting (HELO) name.\n"
	     "Resend once the record is in place.") },

	{ BV_CAUSE_SECURITYERROR, BV_SIDE_SENDER, BV_ACTION_FIX_SETUP,
	  N_ ("A security check failed"),
	  N_ ("The receiving server refused the message for a security reason: delivery was not "
	     "authorised, encryption (TLS) was required and not used, a login failed, or a signature "
	     "did not verify."),
	  N_ ("Read the report for which check failed.\n"
	     "Make sure your server uses TLS encryption and valid login details when it sends.\n"
	     "Fix the setting, then resend.") },

	{ BV_CAUSE_SPAMDETECTED, BV_SIDE_MESSAGE, BV_ACTION_FIX_SETUP,
	  N_ ("The message was flagged as spam"),
	  N_ ("The receiving server's spam filter judged the message to be spam, because of its "
	     "content, its links, or how it was sent. The address is fine."),
	  N_ ("Remove what looks like spam: shortened or suspicious links, all-image messages, misleading subjects.\n"
	     "Make sure SPF, DKIM and DMARC pass for your domain.\n"
	     "Send only to people who asked for your mail, then resend.") },

	{ BV_CAUSE_SPEEDING, BV_SIDE_SENDER, BV_ACTION_RETRY,
	  N_ ("You are sending too fast"),
	  N_ ("The receiving server limits how many messages it takes from one sender in a given time, "
	     "and you went over that limit. The messages are refused for now, not for good."),
	  N_ ("Slow down: send fewer messages per minute to this provider.\n"
	     "Spread large sends over several hours.\n"
	     "Retry the refused messages later.") },

	{ BV_CAUSE_SUSPEND, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS_AFTER_REPEATS,
	  N_ ("The recipient's account is suspended"),
	  N_ ("The recipient's mailbox exists but is disabled or suspended, for example because it was "
	     "not used for a long time or the account was not paid for. It may come back, but often "
	     "it does not."),
	  N_ ("Send again later.\n"
	     "If it is still suspended after several attempts, suppress the address.") },

	{ BV_CAUSE_SYNTAXERROR, BV_SIDE_SENDER, BV_ACTION_FIX_SETUP,
	  N_ ("Your server sent an invalid SMTP command"),
	  N_ ("During the conversation between the mail servers (the SMTP protocol), your server sent a "
	     "command the receiving server did not understand or did not allow."),
	  N_ ("Check the sending server's or application's log for the command that was refused.\n"
	     "Update or fix the sending software, then resend.") },

	{ BV_CAUSE_SYSTEMERROR, BV_SIDE_TEMPORARY, BV_ACTION_RETRY,
	  N_ ("The receiving server had an internal error"),
	  N_ ("Something went wrong inside the receiving mail system (a crash, a configuration error, a "
	     "failed disk or database). It is not caused by you or the address."),
	  N_ ("Send again later.\n"
	     "If it keeps failing for days, tell the recipient through another channel.") },

	{ BV_CAUSE_SYSTEMFULL, BV_SIDE_TEMPORARY, BV_ACTION_RETRY,
	  N_ ("The receiving server is out of storage"),
	  N_ ("The receiving mail server's disk or queue is full, so it cannot accept any message for "
	     "now. This is a problem of the whole server, not of one mailbox."),
	  N_ ("Send again later; your server normally retries by itself.") },

	{ BV_CAUSE_TOOMANYCONN, BV_SIDE_TEMPORARY, BV_ACTION_RETRY,
	  N_ ("The receiving server is busy"),
	  N_ ("The receiving server refused the connection because it already has too many open (or "
	     "too many from your server). Greylisting, where a server refuses a new sender once and "
	     "accepts it on the next try, looks the same."),
	  N_ ("Nothing to change: your server retries by itself.\n"
	     "If you send a lot to this domain, open fewer connections at the same time.") },

	{ BV_CAUSE_USERUNKNOWN, BV_SIDE_RECIPIENT, BV_ACTION_SUPPRESS,
	  N_ ("Recipient address does not exist"),
	  N_ ("The recipient's server says there is no mailbox with this name (the part of the address "
	     "before the @). The address was mistyped, or it was closed."),
	  N_ ("Check the address for a typing mistake and correct it if you can.\n"
	     "Otherwise suppress it now: sending again to addresses that do not exist harms your reputation.") },

	{ BV_CAUSE_VACATION, BV_SIDE_NONE, BV_ACTION_NONE,
	  N_ ("The recipient is away (automatic reply)"),
	  N_ ("This is an automatic reply, such as an out-of-office notice. The message was delivered."),
	  N_ ("Nothing to do. Read the reply if it names another person to contact.") },

	{ BV_CAUSE_VIRUSDETECTED, BV_SIDE_MESSAGE, BV_ACTION_FIX_SETUP,
	  N_ ("A virus was found in the message"),
	  N_ ("The receiving server's virus scanner found (or thinks it found) malicious content in the "
	     "message, usually in an attachment. If you did not mean to send it, the computer or "
	     "account that sent it may be infected."),
	  N_ ("Scan the attachment and the sending computer with an up-to-date virus scanner.\n"
	     "If the message was not sent by you, change the account's password now.\n"
	     "Resend without the attachment, or share the file another way.") },
};
/* clang-format on */

const gsize bv_catalog_n_causes = G_N_ELEMENTS (bv_catalog_causes);
