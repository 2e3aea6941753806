"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { movedMessage } from "@/shared/collections/collection-fields";
import { useTRPC } from "@/trpc/react";
import { CollectionItemRow } from "./collection-item-row";
import type { CollectionItemData } from "./types";

const move = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};

/**
 * A manager's view of a collection's prompts: drag a row by its handle to reorder, or focus the
 * handle and press ↑ / ↓ (Home / End), or use the Move up / Move down buttons. Every move is
 * announced (aria-live) and saved at once; a failed save puts the order back and says why.
 */
export function ReorderableItems({ collectionId, initialItems }: { collectionId: string; initialItems: CollectionItemData[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [items, setItems] = useState(initialItems);
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const saved = useRef(initialItems);
  const reorder = useMutation(trpc.collection.reorder.mutationOptions());
  const removal = useMutation(trpc.collection.removePrompt.mutationOptions());

  const commit = (from: number, to: number) => {
    if (from === to || to < 0 || to >= items.length) return;
    const next = move(items, from, to);
    const moved = items[from];
    setItems(next);
    setAnnouncement(movedMessage(moved.prompt.title, to + 1, next.length));
    reorder.reset();
    reorder.mutate(
      { collectionId, promptIds: next.map((i) => i.prompt.id) },
      {
        onSuccess: () => {
          saved.current = next;
        },
        onError: (e) => {
          setItems(saved.current);
          setAnnouncement(`Could not save the new order: ${e.message}`);
        },
      },
    );
    // Keep focus on the moved item's handle, so arrow keys can go on moving it.
    requestAnimationFrame(() => handles.current.get(moved.id)?.focus());
  };

  const onHandleKey = (e: KeyboardEvent, index: number) => {
    const target = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: items.length - 1 }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    commit(index, target);
  };

  const remove = (item: CollectionItemData) => {
    removal.reset();
    removal.mutate(
      { collectionId, promptId: item.prompt.id },
      {
        onSuccess: () => {
          const next = items.filter((i) => i.id !== item.id);
          setItems(next);
          saved.current = next;
          setAnnouncement(`Removed "${item.prompt.title}" from the collection.`);
          router.refresh();
        },
      },
    );
  };

  const dropOn = (e: DragEvent, index: number) => {
    e.preventDefault();
    if (dragging !== null) commit(dragging, index);
    setDragging(null);
    setOver(null);
  };

  const error = reorder.error ?? removal.error;
  return (
    <div>
      <p id={`${collectionId}-reorder-help`} className="mb-3 text-sm text-slate-600">
        Drag a prompt by its handle to reorder, or focus the handle and use the arrow keys.
      </p>
      <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Prompts in this collection">
        {items.map((item, index) => (
          <li
            key={item.id}
            onDragOver={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = "move";
              if (over !== index) setOver(index);
            }}
            onDrop={(e) => dropOn(e, index)}
            className={`transition ${dragging === index ? "opacity-50" : ""} ${over === index && dragging !== null && dragging !== index ? (dragging < index ? "shadow-[inset_0_-3px_0_0_var(--color-indigo-500)]" : "shadow-[inset_0_3px_0_0_var(--color-indigo-500)]") : ""}`}
            data-testid="collection-item"
          >
            <CollectionItemRow
              item={item}
              index={index}
              handle={
                <button
                  type="button"
                  ref={(el) => {
                    if (el) handles.current.set(item.id, el);
                    else handles.current.delete(item.id);
                  }}
                  draggable
                  onDragStart={(e) => {
                    setDragging(index);
                    e.dataTransfer.effectAllowed = "move";
                    e.dataTransfer.setData("text/plain", item.prompt.id);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setOver(null);
                  }}
                  onKeyDown={(e) => onHandleKey(e, index)}
                  aria-label={`Reorder "${item.prompt.title}", position ${index + 1} of ${items.length}`}
                  aria-describedby={`${collectionId}-reorder-help`}
                  className="flex h-8 w-7 cursor-grab items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600 active:cursor-grabbing"
                >
                  <svg aria-hidden viewBox="0 0 20 20" width="16" height="16" fill="currentColor">
                    <circle cx="7" cy="5" r="1.5" /><circle cx="13" cy="5" r="1.5" /><circle cx="7" cy="10" r="1.5" /><circle cx="13" cy="10" r="1.5" /><circle cx="7" cy="15" r="1.5" /><circle cx="13" cy="15" r="1.5" />
                  </svg>
                </button>
              }
              actions={
                <>
                  <div className="flex gap-1">
                    <Button variant="ghost" size="sm" onClick={() => commit(index, index - 1)} disabled={index === 0} aria-label={`Move "${item.prompt.title}" up`} title="Move up">
                      <span aria-hidden>↑</span>
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => commit(index, index + 1)} disabled={index === items.length - 1} aria-label={`Move "${item.prompt.title}" down`} title="Move down">
                      <span aria-hidden>↓</span>
                    </Button>
                  </div>
                  <Button variant="ghost" size="sm" onClick={() => remove(item)} disabled={removal.isPending} aria-label={`Remove "${item.prompt.title}" from the collection`} className="text-rose-700!">
                    Remove
                  </Button>
                </>
              }
            />
          </li>
        ))}
      </ol>
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      {reorder.isPending ? <p className="mt-2 text-xs text-slate-500">Saving the order…</p> : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-rose-600">
          {reorder.error ? "Could not save the new order" : "Could not remove the prompt"}: {error.message}
        </p>
      ) : null}
    </div>
  );
}
