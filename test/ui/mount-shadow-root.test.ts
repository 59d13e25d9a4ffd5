// @vitest-environment happy-dom
import { h } from "preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import { mountShadowRoot } from "../../src/ui/mount-shadow-root.ts";

const hosts = () => [...document.documentElement.querySelectorAll(":scope > [data-test-host]")] as HTMLElement[];

afterEach(() => {
  for (const host of hosts()) host.remove();
});

describe("mountShadowRoot", () => {
  test("a detached mount renders without touching the document, and attaches on <html>, never <body>", () => {
    const mount = mountShadowRoot(document, "data-test-host", "", { detached: true });
    mount.render(h("p", null, "card"));
    expect(hosts()).toHaveLength(0);
    expect(mount.container.textContent).toBe("card");
    mount.attach();
    expect(hosts()).toHaveLength(1);
    expect(document.body.querySelector("[data-test-host]")).toBeNull();
    mount.attach();
    expect(hosts()).toHaveLength(1);
  });

  test("attached hidden, the host is transparent, inert and not hit by the pointer, until revealed", () => {
    const mount = mountShadowRoot(document, "data-test-host", "", { detached: true });
    mount.attach({ hidden: true });
    const [host] = hosts();
    expect(host!.hasAttribute("inert")).toBe(true);
    expect(host!.style.getPropertyValue("opacity")).toBe("0");
    expect(host!.style.getPropertyValue("pointer-events")).toBe("none");
    // Page styles cannot undo it: every host property is set with !important.
    expect(host!.style.getPropertyPriority("opacity")).toBe("important");
    mount.reveal();
    expect(host!.style.getPropertyValue("opacity")).toBe("1");
  });

  test("revealed, the host is opaque at once and takes the pointer and focus from the frame after the one that shows it", async () => {
    const mount = mountShadowRoot(document, "data-test-host", "", { detached: true });
    mount.attach({ hidden: true });
    const [host] = hosts();
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    mount.reveal();
    expect(host!.style.getPropertyValue("opacity")).toBe("1");
    expect(host!.inert).toBe(true);
    // The frame that draws the card: still inert, so clearing it costs that frame nothing.
    await nextFrame();
    expect(host!.inert).toBe(true);
    expect(host!.style.getPropertyValue("pointer-events")).toBe("none");
    await nextFrame();
    expect(host!.inert).toBe(false);
    expect(host!.style.getPropertyValue("pointer-events")).toBe("auto");
  });

  test("revealed where no frames come (a background tab), the host takes the pointer after a short wait", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    // No frame ever comes.
    const frame = vi.spyOn(window, "requestAnimationFrame").mockImplementation(() => 0);
    try {
      const mount = mountShadowRoot(document, "data-test-host", "", { detached: true });
      mount.attach({ hidden: true });
      const [host] = hosts();
      mount.reveal();
      await vi.advanceTimersByTimeAsync(200);
      expect(frame).toHaveBeenCalled();
      expect(host!.inert).toBe(true);
      await vi.advanceTimersByTimeAsync(100);
      expect(host!.inert).toBe(false);
      expect(host!.style.getPropertyValue("pointer-events")).toBe("auto");
    } finally {
      vi.useRealTimers();
      frame.mockRestore();
    }
  });

  test("unmounting removes the host and what was rendered", () => {
    const mount = mountShadowRoot(document, "data-test-host", "");
    mount.render(h("p", null, "card"));
    expect(hosts()).toHaveLength(1);
    mount.unmount();
    expect(hosts()).toHaveLength(0);
    expect(mount.container.textContent).toBe("");
  });
});
