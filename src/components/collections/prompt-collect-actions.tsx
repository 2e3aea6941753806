"use client";
import { AddToCollection } from "./add-to-collection";
import { FavoriteButton } from "./favorite-button";

/** The prompt page header's favourite star and "Add to collection", mounted with one line. */
export function PromptCollectActions({ prompt, signedIn }: { prompt: { id: string; slug: string; favoriteCount: number; favorited: boolean; latestVersion: { id: string; number: number } | null }; signedIn: boolean }) {
  const returnTo = `/p/${prompt.slug}`;
  return (
    <>
      <FavoriteButton promptId={prompt.id} returnTo={returnTo} signedIn={signedIn} initialCount={prompt.favoriteCount} initialFavorited={prompt.favorited} />
      <AddToCollection promptId={prompt.id} returnTo={returnTo} signedIn={signedIn} version={prompt.latestVersion} />
    </>
  );
}
