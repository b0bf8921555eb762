"""Texts of broadcasts: audiences, progress and statistics."""

MESSAGES = {
    "audience.unknown": "I don't understand the audience \"{value}\". Use: everyone, citizens, officials, area:CODE.",
    "audience.needs_area": "An area code is needed, e.g. area:12052 (commune) or area:33 (province).",
    "audience.unknown_area": "There is no area code \"{code}\".",
    "audience.everyone": "everyone",
    "audience.citizens": "citizens",
    "audience.officials": "officials",
    "audience.area": "citizens of {area}",
    "audience.area_officials": "officials of {area}",
    "audience.monitoring": "people under health monitoring",
    "audience.person": "one person (no. {id})",
    "broadcast.kind.notice": "notice",
    "broadcast.kind.alert": "alert",
    "broadcast.kind.reminder": "reminder",
    "broadcast.kind.message": "message",
    "broadcast.status.scheduled": "scheduled",
    "broadcast.status.sending": "sending",
    "broadcast.status.done": "done",
    "broadcast.status.cancelled": "cancelled",
    "broadcast.rate_column": "{rate} msg/s",
    "broadcast.urgent_mark": "URGENT",
    "broadcast.summary": (
        "#{id} · {kind} · {status}{urgent}\n"
        "  To: {audience}\n"
        "  Sent at: {at}\n"
        "  Sent {sent} · Waiting for the platform {waiting} · Failed {failed} · Blocked {blocked} · Unclear {ambiguous}"
        " · Total {total}"
    ),
    "broadcast.progress": (
        "Sending notice #{id} to {audience}: {done}/{total}\n"
        "Sent {sent} · Failed {failed} · Blocked {blocked} · Unclear {ambiguous} · Left {remaining}\n"
        "Speed {rate} msg/s · Done in about {eta}"
    ),
    "broadcast.finished": (
        "Notice #{id} to {audience} is sent: {total} recipients.\n"
        "Sent {sent} · Failed {failed} · Blocked {blocked} · Unclear {ambiguous} · Cancelled {cancelled}"
    ),
    "broadcast.waiting": (
        "⏳ Waiting for the platform: {waiting} recipients hit a temporary platform error and will get the message "
        "automatically once the platform works again."
    ),
    "broadcast.waiting_short": "waiting for the platform",
    "broadcast.retry_confirm": (
        "{count} recipients of notice #{id} are \"unclear\": the request went out but no answer came back, so they "
        "may have received it. Sending again may give them the message twice. Send again anyway?"
    ),
    "broadcast.retried": "Put {count} recipients of notice #{id} back in the queue ({detail}).",
    "broadcast.retry_detail": "{failed} failed, {ambiguous} unclear",
    "broadcast.retry_none": "Notice #{id} has no recipient to send again.",
    "broadcast.retry_ambiguous_hint": (
        "{count} recipients are still \"unclear\" (they may have received it): add --ambiguous to send to them again."
    ),
    "broadcast.retry_not_allowed": "Notice #{id} is {status}: it cannot be sent again.",
    "broadcast.retry_aborted": "Not sent again.",
    "broadcast.quiet_hours": "Quiet hours now: notice #{id} (not urgent) will go out from {until}.",
    "broadcast.created": "Notice #{id} created for {audience}, to go out at {at}.",
    "broadcast.cancelled": "Notice #{id} is cancelled; {count} recipients not yet sent to won't get it.",
    "broadcast.not_found": "There is no notice #{id}.",
    "broadcast.not_cancellable": "Notice #{id} is {status} and cannot be cancelled.",
    "broadcast.none": "There are no notices yet.",
    "broadcast.bad_time": "The time \"{value}\" is invalid. Use the form YYYY-MM-DD HH:MM (local time).",
    "broadcast.empty_text": "The notice is empty.",
}
