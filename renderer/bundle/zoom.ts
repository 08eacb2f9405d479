/**
 * Deep zoom on items with a IIIF level-0 image service (issue 15). OpenSeadragon is a separate
 * file that this runtime adds to the page only when a visitor presses the zoom button, so pages
 * stay within their script budget until then. The image service's `info.json` comes inline from
 * the button (browsers refuse fetch() on file://), its `id` pointed at the tiles next to the page
 * instead of the published base URL, so a local copy never asks the web.
 */
interface Viewer {
  viewport: { zoomBy(factor: number): void; applyConstraints(): void };
  world: {
    getItemAt(i: number): {
      addHandler(e: string, f: (ev: { fullyLoaded: boolean }) => void): void;
    };
  };
  addHandler(event: string, handler: (event: unknown) => void): void;
  destroy(): void;
}
type OpenSeadragonFn = (options: Record<string, unknown>) => Viewer;

// Captured while this script runs: the viewer sits next to it in assets/.
const runtimeSrc = (document.currentScript as HTMLScriptElement | null)?.src ?? '';
let loading: Promise<OpenSeadragonFn> | null = null;

function loadViewer(): Promise<OpenSeadragonFn> {
  loading ??= new Promise<OpenSeadragonFn>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('openseadragon.min.js', runtimeSrc || location.href).href;
    script.onload = () =>
      resolve((window as unknown as { OpenSeadragon: OpenSeadragonFn }).OpenSeadragon);
    script.onerror = () => {
      loading = null;
      reject(new Error('zoom viewer missing'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

async function open(trigger: HTMLButtonElement): Promise<void> {
  const info = JSON.parse(trigger.dataset.zoom ?? '{}') as Record<string, unknown>;
  info.id = new URL(trigger.dataset.zoomTiles ?? '', location.href).href.replace(/\/$/, '');
  const dialog = document.createElement('dialog');
  dialog.className = 'zoom-dialog';
  // State for people (aria-busy) and for tests, which wait on it instead of sleeping.
  dialog.dataset.state = 'loading';
  dialog.setAttribute('aria-busy', 'true');
  const caption = trigger.closest('figure')?.querySelector('.item-title')?.textContent ?? '';
  if (caption) dialog.setAttribute('aria-label', caption);
  const stage = document.createElement('div');
  stage.className = 'zoom-stage';
  let viewer: Viewer | null = null;
  const tools = document.createElement('div');
  tools.className = 'zoom-tools';
  tools.append(
    button(trigger.dataset.zoomIn ?? '+', 'zoom-in', () => viewer?.viewport.zoomBy(2)),
    button(trigger.dataset.zoomOut ?? '−', 'zoom-out', () => viewer?.viewport.zoomBy(0.5)),
    button(document.documentElement.dataset.close ?? 'Close', 'zoom-close', () => dialog.close()),
  );
  dialog.addEventListener('close', () => {
    viewer?.destroy();
    dialog.remove();
    trigger.focus();
  });
  dialog.append(tools, stage);
  document.body.appendChild(dialog);
  dialog.showModal();
  try {
    const OpenSeadragon = await loadViewer();
    viewer = OpenSeadragon({
      element: stage,
      tileSources: [info],
      // Our own buttons: OpenSeadragon's navigation images would be further requests.
      showNavigationControl: false,
      // A plain canvas draws file:// tiles; WebGL refuses them as cross-origin textures.
      drawer: 'canvas',
      crossOriginPolicy: false,
      visibilityRatio: 1,
    });
    viewer.addHandler('open', () => {
      let loads = 0;
      viewer!.world.getItemAt(0).addHandler('fully-loaded-change', (e) => {
        dialog.dataset.state = e.fullyLoaded ? 'loaded' : 'loading';
        // How often every tile in view has arrived: a test zooms, then waits for the next one.
        if (e.fullyLoaded) dialog.dataset.loads = String(++loads);
        dialog.setAttribute('aria-busy', String(!e.fullyLoaded));
      });
    });
    viewer.addHandler('open-failed', () => (dialog.dataset.state = 'failed'));
  } catch {
    dialog.dataset.state = 'failed';
  }
}

export function initZoom(): void {
  const triggers = document.querySelectorAll<HTMLButtonElement>('button[data-zoom]');
  for (const trigger of triggers) {
    trigger.hidden = false;
    trigger.addEventListener('click', () => void open(trigger));
  }
}
