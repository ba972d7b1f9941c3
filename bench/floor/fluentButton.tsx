/**
 * The least a Fluent UI pane can be, for the bench's floor (bench/addin.ts): when
 * `Office.onReady` answers, one primary Fluent `Button` named `Run scenarios` in a
 * `FluentProvider`, drawn at once. Built as the pane is (the same loaders, Fluent UI's
 * styles extracted into a stylesheet) and loaded as the pane is (Office.js by a static
 * tag in the head, this script deferred), so that the time it takes is what any page of
 * Office.js and Fluent UI takes before it does anything of its own.
 */
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

void Office.onReady().then(() => {
  const main = document.getElementById('app');
  if (main === null) return;
  const root = createRoot(main);
  flushSync(() =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Button appearance="primary">Run scenarios</Button>
      </FluentProvider>,
    ),
  );
});
