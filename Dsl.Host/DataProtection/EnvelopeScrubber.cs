namespace Dsl.Host.DataProtection;

/// <summary>
/// What the host removes besides the modules' documents when a lead is erased or an export expires: the copies
/// Wolverine keeps of personal-data messages about that enrolment (handled incoming envelopes kept for idempotency,
/// dead letters) and idempotency records whose stored response mentions the enrolment. Queued in the caller's session.
/// </summary>
public static class EnvelopeScrubber
{
    public static void Scrub(IDocumentSession session, Guid enrolmentId, IReadOnlyList<string> personalMessageTypes)
    {
        var id = enrolmentId.ToString();
        // Bodies are UTF-8 JSON with the enrolment id as text: match the bytes, not a decoding that could fail.
        session.QueueSqlCommand("""
            delete from wolverine.wolverine_incoming_envelopes
            where status = 'Handled' and message_type = any(?) and position(convert_to(?, 'UTF8') in body) > 0
            """, personalMessageTypes.ToArray(), id);
        session.QueueSqlCommand("""
            delete from wolverine.wolverine_dead_letters
            where message_type = any(?) and position(convert_to(?, 'UTF8') in body) > 0
            """, personalMessageTypes.ToArray(), id);
        session.QueueSqlCommand("""
            delete from host.mt_doc_idempotencyrecord
            where position(convert_to(?, 'UTF8') in decode(data->>'body', 'base64')) > 0
               or (data->>'headers') like '%' || ? || '%'
            """, id, id);
    }
}
