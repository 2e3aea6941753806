import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

export default async function Home() {
  const api = await serverApi();
  const { items } = await api.prompt.list({ limit: 12 });
  return (
    <main className="mx-auto max-w-5xl p-8">
      <h1 className="text-3xl font-bold">Promptuary</h1>
      <ul className="mt-6 space-y-2">
        {items.map((p) => (
          <li key={p.id}>{p.title}</li>
        ))}
      </ul>
    </main>
  );
}
