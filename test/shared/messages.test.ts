import { describe, expect, test, vi } from "vitest";
import { backgroundProtocol, dispatch, pageProtocol, readReply } from "../../src/shared/messages.ts";

const pageHandlers = () => ({
  getEntitiesOnPage: vi.fn(() => ({ site: "a.example", active: true, mentions: 0, entities: [] })),
  revealEntity: vi.fn(() => ({ revealed: true })),
  focusNextMention: vi.fn(() => ({ focused: true })),
});

describe("dispatch", () => {
  test("runs the handler of a well-formed request", async () => {
    const handlers = pageHandlers();
    expect(await dispatch(pageProtocol, handlers, { type: "revealEntity", entity: "alexander-darchiev" }, {})).toEqual({ ok: true, value: { revealed: true } });
    expect(handlers.revealEntity).toHaveBeenCalledOnce();
  });

  test.each([
    ["not an object", "revealEntity"],
    ["null", null],
    ["an unknown type", { type: "deleteEverything" }],
    ["a type from the prototype", { type: "constructor" }],
    ["a missing field", { type: "revealEntity" }],
    ["a wrong field type", { type: "revealEntity", entity: 42 }],
    ["an id that is not an id", { type: "revealEntity", entity: "<img src=x>" }],
    ["an extra field", { type: "revealEntity", entity: "x", also: "y" }],
  ])("rejects %s and runs nothing", async (_case, message) => {
    const handlers = pageHandlers();
    const reply = await dispatch(pageProtocol, handlers, message, {});
    expect(reply.ok).toBe(false);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  test("revealEntity may name the entity's dataset, which must be an id too", async () => {
    const handlers = pageHandlers();
    expect((await dispatch(pageProtocol, handlers, { type: "revealEntity", entity: "ilse-varnhagen", dataset: "quillmere-test" }, {})).ok).toBe(true);
    expect(handlers.revealEntity).toHaveBeenCalledWith({ type: "revealEntity", entity: "ilse-varnhagen", dataset: "quillmere-test" }, {});
    expect((await dispatch(pageProtocol, handlers, { type: "revealEntity", entity: "ilse-varnhagen", dataset: "../x" }, {})).ok).toBe(false);
  });

  test("a handler that throws becomes an error value", async () => {
    const handlers = { ...pageHandlers(), revealEntity: () => { throw new Error("no such mention"); } };
    expect(await dispatch(pageProtocol, handlers, { type: "revealEntity", entity: "x" }, {})).toEqual({ ok: false, error: "no such mention" });
  });
});

describe("readReply", () => {
  test("accepts a reply of the right shape", () => {
    expect(readReply(pageProtocol, "focusNextMention", { ok: true, value: { focused: false } })).toEqual({ ok: true, value: { focused: false } });
  });
  test.each([
    ["no reply", undefined],
    ["a reply of the wrong shape", { ok: true, value: { focused: "yes" } }],
    ["an envelope of the wrong shape", { result: 1 }],
  ])("turns %s into an error value", (_case, reply) => {
    expect(readReply(pageProtocol, "focusNextMention", reply).ok).toBe(false);
  });
  test("passes an error through", () => {
    expect(readReply(backgroundProtocol, "getEntityCard", { ok: false, error: "gone" })).toEqual({ ok: false, error: "gone" });
  });
});
